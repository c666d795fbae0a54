import { z } from 'zod';
import { actions, roleIds } from '../domain/access/roles';

/**
 * Who is signed in, where they work and what their roles allow there: the session's contract,
 * answered by GET /api/session and read by the web app as SessionView.
 */
export const sessionResponse = z.discriminatedUnion('signedIn', [
  z.object({ signedIn: z.literal(false) }),
  z.object({
    signedIn: z.literal(true),
    secondFactorPending: z.boolean(),
    user: z.object({
      id: z.string(),
      username: z.string(),
      displayName: z.string(),
      fictitious: z.boolean(),
    }),
    activeOrganisationId: z.string().nullable(),
    activeUnitId: z.string().nullable(),
    /** What the user's roles carry in the active organisation, for what the screens offer. */
    actions: z.array(z.enum(actions)),
    organisations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        fictitious: z.boolean(),
        units: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            roles: z.array(z.enum(roleIds)),
            roleTitlesSv: z.array(z.string()),
            roleTitlesEn: z.array(z.string()),
          }),
        ),
      }),
    ),
  }),
]);

export type SessionView = z.infer<typeof sessionResponse>;
