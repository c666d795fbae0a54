import type { Tx } from '../db/transaction';

/** Enabled identity providers, by name, for the login page (names only: no secrets). */
export const listEnabledProviders = (tx: Tx) =>
  tx
    .selectFrom('oidcProviders')
    .select(['id', 'name'])
    .where('enabled', '=', true)
    .orderBy('name')
    .execute();

export const findProvider = (tx: Tx, id: string, options: { enabledOnly: boolean }) => {
  let query = tx.selectFrom('oidcProviders').selectAll().where('id', '=', id);
  if (options.enabledOnly) query = query.where('enabled', '=', true);
  return query.executeTakeFirst();
};
