import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../db/transaction';
import type { SessionsTable } from '../db/schema';
import type { Selectable } from 'kysely';

export type SessionRow = Selectable<SessionsTable>;

/** The cookie holds a random token; the database only its hash, so a leaked table opens nothing. */
export const newSessionToken = (): { token: string; idHash: string } => {
  const token = randomBytes(32).toString('base64url');
  return { token, idHash: hashToken(token) };
};

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export const insertSession = (
  tx: Tx,
  values: Pick<
    SessionRow,
    | 'idHash'
    | 'userId'
    | 'organisationId'
    | 'unitId'
    | 'authMethod'
    | 'lastSeenAt'
    | 'secondFactorAt'
    | 'expiresAt'
  >,
) => tx.insertInto('sessions').values(values).execute();

export const findLiveSession = (tx: Tx, idHash: string) =>
  tx
    .selectFrom('sessions')
    .selectAll()
    .where('idHash', '=', idHash)
    .where('endedAt', 'is', null)
    .executeTakeFirst();

export const endSession = (tx: Tx, idHash: string, now: Date) =>
  tx.updateTable('sessions').set({ endedAt: now }).where('idHash', '=', idHash).execute();

export const touchSession = (tx: Tx, idHash: string, now: Date) =>
  tx.updateTable('sessions').set({ lastSeenAt: now }).where('idHash', '=', idHash).execute();

/** Replaces the token (after the second factor), so a token seen before sign-in is worthless. */
export const rotateSession = (
  tx: Tx,
  oldHash: string,
  newHash: string,
  changes: Partial<Pick<SessionRow, 'secondFactorAt' | 'organisationId' | 'lastSeenAt'>>,
) =>
  tx
    .updateTable('sessions')
    .set({ ...changes, idHash: newHash })
    .where('idHash', '=', oldHash)
    .execute();

export const setSessionOrganisation = (
  tx: Tx,
  idHash: string,
  organisationId: string,
  unitId: string | null,
) =>
  tx.updateTable('sessions').set({ organisationId, unitId }).where('idHash', '=', idHash).execute();

/** Ends the user's other live sessions (all but `keepIdHash`); returns the ended ones. */
export const endOtherSessions = (tx: Tx, userId: string, keepIdHash: string, now: Date) =>
  tx
    .updateTable('sessions')
    .set({ endedAt: now })
    .where('userId', '=', userId)
    .where('idHash', '<>', keepIdHash)
    .where('endedAt', 'is', null)
    .returning('idHash')
    .execute();
