import type {} from '@fastify/cookie';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/policy';
import type { Action } from '../../../domain/access/roles';
import type { KeyRing } from '../crypto/field-encryption';
import type { Catalogues } from '../catalogues/load-catalogues';
import type { ServerConfig } from '../../config';
import type { Database } from '../db/schema';
import type { TxScope } from '../db/transaction';

/** What every route and command can reach: the database, the keys, the clock, the settings. */
export type AppDeps = Catalogues & {
  db: Kysely<Database>;
  keys: KeyRing;
  now: () => Date;
  config: ServerConfig;
};

/**
 * Every route declares who may call it; a route without a declaration stops the server from
 * starting. 'public': anyone (sign-in, health). 'session': signed in, second factor may be
 * pending. 'signedIn': fully signed in. An action: fully signed in and holding a role with
 * that action; the command then asks the policy about the concrete record.
 */
export type RouteAccess = 'public' | 'session' | 'signedIn' | Action;

export type RequestSession = {
  idHash: string;
  userId: string;
  organisationId: string | null;
  unitId: string | null;
  authMethod: 'password' | 'oidc';
  secondFactorDone: boolean;
  secondFactorNeeded: boolean;
};

/** What a command needs to know about the request it serves. */
export type CommandContext = AppDeps & { actor: Actor; requestId: string; scope: TxScope };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * What the record gate asks about the records the path names, when it is not the declared
     * action: 'visible' for a route whose own rule decides (break-glass is opened on a person
     * the caller may not read yet — that is what it is for).
     */
    recordAccess?: Action | 'visible';
  }
  interface FastifyRequest {
    fristadSession: RequestSession | null;
    actor: Actor | null;
  }
}
