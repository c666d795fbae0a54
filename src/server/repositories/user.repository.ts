import type { Insertable } from 'kysely';
import type { Tx } from '../db/transaction';
import type { UsersTable } from '../db/schema';

export const createUser = async (tx: Tx, values: Insertable<UsersTable>) =>
  tx.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();

export const findUserByUsername = async (tx: Tx, username: string) =>
  tx.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const findUserById = async (tx: Tx, id: string) =>
  tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
