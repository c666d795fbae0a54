import type { Insertable } from 'kysely';
import type { OidcLoginStatesTable } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/transaction';

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

/** Remembers a login started at a provider until its callback comes back. */
export const insertLoginState = (tx: Tx, values: Insertable<OidcLoginStatesTable>) =>
  tx.insertInto('oidcLoginStates').values(values).execute();

/** Takes a login state out (each is used once); undefined when unknown or used already. */
export const takeLoginState = (tx: Tx, state: string) =>
  tx.deleteFrom('oidcLoginStates').where('state', '=', state).returningAll().executeTakeFirst();

/** The Fristad user an administrator linked to the provider's subject, if any. */
export const findLinkedUser = (tx: Tx, providerId: string, subject: string) =>
  tx
    .selectFrom('userIdentities as ui')
    .innerJoin('users as u', 'u.id', 'ui.userId')
    .select(['u.id', 'u.disabled'])
    .where('ui.providerId', '=', providerId)
    .where('ui.subject', '=', subject)
    .executeTakeFirst();
