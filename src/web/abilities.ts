import type { Action } from '../domain/access/roles';
import { roles, type RoleId } from '../domain/access/roles';
import type { SessionView } from './api';

type SignedIn = Extract<SessionView, { signedIn: true }>;

/**
 * Whether any of the user's roles in the active organisation carries an action. Only for
 * choosing what to offer on screen: the server asks the policy on every request regardless.
 */
export const sessionMay = (session: SignedIn, action: Action): boolean =>
  (session.organisations.find((org) => org.id === session.activeOrganisationId)?.units ?? []).some(
    (unit) => unit.roles.some((role) => roles[role as RoleId]?.actions.includes(action)),
  );
