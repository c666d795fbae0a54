import type { Insertable } from 'kysely';
import type { RoleId } from '../../../domain/access/roles';
import type { Tx } from '../../platform/db/transaction';
import type { OrganisationsTable, UnitKind, UnitsTable } from '../../platform/db/schema';

/** Organisation set-up runs as the system (administration and seeding), not per request. */
export const createOrganisation = async (tx: Tx, values: Insertable<OrganisationsTable>) =>
  tx.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();

export const createSecrecyArea = async (tx: Tx, organisationId: string, name: string) =>
  tx
    .insertInto('secrecyAreas')
    .values({ organisationId, name })
    .returningAll()
    .executeTakeFirstOrThrow();

export const createUnit = async (tx: Tx, values: Insertable<UnitsTable>) =>
  tx.insertInto('units').values(values).returningAll().executeTakeFirstOrThrow();

export const assignRole = async (
  tx: Tx,
  values: { userId: string; unitId: string; organisationId: string; role: RoleId },
) => tx.insertInto('roleAssignments').values(values).execute();

/** The units and roles a user holds, with each unit's secrecy area and organisation. */
export const listRoleGrants = async (tx: Tx, userId: string) =>
  tx
    .selectFrom('roleAssignments as ra')
    .innerJoin('units as u', 'u.id', 'ra.unitId')
    .innerJoin('organisations as o', 'o.id', 'ra.organisationId')
    .select([
      'ra.organisationId',
      'o.name as organisationName',
      'o.kind as organisationKind',
      'o.fictitious as organisationFictitious',
      'ra.unitId',
      'u.name as unitName',
      'u.secrecyAreaId',
      'ra.role',
    ])
    .where('ra.userId', '=', userId)
    .orderBy('o.name')
    .orderBy('u.name')
    .execute();

/** Every role the user holds, in every organisation, with each unit's secrecy area. */
export const listHeldRoles = (tx: Tx, userId: string) =>
  tx
    .selectFrom('roleAssignments as ra')
    .innerJoin('units as u', 'u.id', 'ra.unitId')
    .select(['ra.organisationId', 'ra.unitId', 'ra.role', 'u.secrecyAreaId'])
    .where('ra.userId', '=', userId)
    .execute();

/** The given units plus every unit in the given secrecy areas (where information may flow). */
export const listUnitsSharingArea = async (
  tx: Tx,
  unitIds: readonly string[],
  secrecyAreaIds: readonly string[],
): Promise<string[]> => {
  if (unitIds.length === 0 && secrecyAreaIds.length === 0) return [];
  const rows = await tx
    .selectFrom('units')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(unitIds.length ? [eb('id', 'in', unitIds)] : []),
        ...(secrecyAreaIds.length ? [eb('secrecyAreaId', 'in', secrecyAreaIds)] : []),
      ]),
    )
    .execute();
  return rows.map((row) => row.id);
};

/** One unit of the request's organisation (row-level security hides other organisations'). */
export const findUnit = (tx: Tx, id: string) =>
  tx
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'secrecyAreaId'])
    .where('id', '=', id)
    .executeTakeFirst();

/** The request's own organisation: its name travels with what it sends to others. */
export const ownOrganisation = (tx: Tx, id: string) =>
  tx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** The organisation with its kind and county, to tell whether it is a county board. */
export const findOrganisationCounty = (tx: Tx, id: string) =>
  tx
    .selectFrom('organisations')
    .select(['id', 'kind', 'countyCode', 'name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

/** The units of an organisation, by name, for choosing where to refer or register. */
export const listUnitsOfOrganisation = (tx: Tx, organisationId: string) =>
  tx
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'routineScreening', 'version'])
    .where('organisationId', '=', organisationId)
    .orderBy('name')
    .execute();

/** The first unit (by name) of a kind in the request's organisation. */
export const findFirstUnitOfKind = (tx: Tx, kind: UnitKind) =>
  tx.selectFrom('units').select('id').where('kind', '=', kind).orderBy('name').executeTakeFirst();

/** Every unit of a kind in the request's organisation. */
export const listUnitsOfKind = (tx: Tx, kind: UnitKind) =>
  tx.selectFrom('units').select(['id', 'name']).where('kind', '=', kind).execute();

/** Every unit of the request's organisation, by name, with whether it screens by routine. */
export const listUnitsWithScreening = (tx: Tx) =>
  tx.selectFrom('units').select(['id', 'name', 'routineScreening']).orderBy('name').execute();
