import type { Insertable } from 'kysely';
import type { Tx } from '../db/transaction';
import type { UsersTable } from '../db/schema';

export const createUser = async (tx: Tx, values: Insertable<UsersTable>) =>
  tx.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();

export const findUserByUsername = async (tx: Tx, username: string) =>
  tx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = async (tx: Tx, id: string) =>
  tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

/** Adds one to the failure count atomically, so parallel attempts cannot slip past the limit. */
export const recordFailedLogin = async (tx: Tx, id: string) =>
  tx
    .updateTable('users')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('id', '=', id)
    .returning(['failedLogins'])
    .executeTakeFirstOrThrow();

export const clearFailedLogins = async (tx: Tx, id: string) =>
  tx
    .updateTable('users')
    .set({ failedLogins: 0, lockedUntil: null })
    .where('id', '=', id)
    .execute();

export const lockUser = async (tx: Tx, id: string, lockedUntil: Date) =>
  tx.updateTable('users').set({ lockedUntil }).where('id', '=', id).execute();
