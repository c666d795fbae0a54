import type { Insertable } from 'kysely';
import type { Tx } from '../../platform/db/transaction';
import type { BreakGlassGrantsTable, UsersTable } from '../../platform/db/schema';

export const createUser = async (tx: Tx, values: Insertable<UsersTable>) =>
  tx.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();

export const findUserByUsername = async (tx: Tx, username: string) =>
  tx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = async (tx: Tx, id: string) =>
  tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

/** Who is signed in, as the session page shows them (no secrets). */
export const findUserProfile = (tx: Tx, id: string) =>
  tx
    .selectFrom('users')
    .select(['id', 'username', 'displayName', 'fictitious'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

export const findUserDisplayName = (tx: Tx, id: string) =>
  tx.selectFrom('users').select('displayName').where('id', '=', id).executeTakeFirstOrThrow();

/** Sets a new password hash at the version read; undefined when the account changed since. */
export const setPasswordIfVersion = (tx: Tx, id: string, version: number, passwordHash: string) =>
  tx
    .updateTable('users')
    .set((eb) => ({ passwordHash, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();

/** Remembers the last accepted authenticator step (a code is accepted once), and when enrolment was confirmed. */
export const recordTotpStep = (tx: Tx, id: string, step: number, confirmedAt: Date | undefined) =>
  tx
    .updateTable('users')
    .set({
      totpLastStep: step,
      ...(confirmedAt ? { totpConfirmedAt: confirmedAt } : {}),
    })
    .where('id', '=', id)
    .execute();

/** Stores a new, not yet confirmed authenticator secret (sealed by the caller). */
export const setTotpSecret = (tx: Tx, id: string, totpSecretEnc: string) =>
  tx.updateTable('users').set({ totpSecretEnc, totpLastStep: null }).where('id', '=', id).execute();

/** The user's break-glass grants in one organisation that have not expired. */
export const listLiveBreakGlassGrants = (
  tx: Tx,
  userId: string,
  organisationId: string,
  now: Date,
) =>
  tx
    .selectFrom('breakGlassGrants')
    .select(['id', 'personId', 'reason', 'expiresAt'])
    .where('userId', '=', userId)
    .where('organisationId', '=', organisationId)
    .where('expiresAt', '>', now)
    .execute();

export const insertBreakGlassGrant = (tx: Tx, values: Insertable<BreakGlassGrantsTable>) =>
  tx
    .insertInto('breakGlassGrants')
    .values(values)
    .returning(['id', 'expiresAt'])
    .executeTakeFirstOrThrow();
