import { actions, roles, type RoleId } from '../../../domain/access/roles';

type Grant = {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  organisationFictitious: boolean;
  unitId: string;
  unitName: string;
  role: string;
};

type UnitView = {
  id: string;
  name: string;
  roles: RoleId[];
  roleTitlesSv: string[];
  roleTitlesEn: string[];
};
export type OrganisationView = {
  id: string;
  name: string;
  kind: string;
  fictitious: boolean;
  units: UnitView[];
};

/** Groups a user's role grants as organisation → unit → roles, for the organisation switch. */
export const presentOrganisations = (grants: readonly Grant[]): OrganisationView[] => {
  const organisations = new Map<string, OrganisationView>();
  for (const grant of grants) {
    const org = organisations.get(grant.organisationId) ?? {
      id: grant.organisationId,
      name: grant.organisationName,
      kind: grant.organisationKind,
      fictitious: grant.organisationFictitious,
      units: [],
    };
    organisations.set(org.id, org);
    let unit = org.units.find((candidate) => candidate.id === grant.unitId);
    if (!unit) {
      unit = {
        id: grant.unitId,
        name: grant.unitName,
        roles: [],
        roleTitlesSv: [],
        roleTitlesEn: [],
      };
      org.units.push(unit);
    }
    const role = grant.role as RoleId;
    unit.roles.push(role);
    unit.roleTitlesSv.push(roles[role].titleSv);
    unit.roleTitlesEn.push(roles[role].titleEn);
  }
  return [...organisations.values()];
};

/**
 * The actions the user's roles carry in an organisation: what the web app may offer on screen.
 * Sent with the session so the browser reads them and never re-derives them from the role
 * catalogue; the server still asks the policy on every request.
 */
export const presentActions = (grants: readonly Grant[], organisationId: string | null) =>
  actions.filter((action) =>
    grants.some(
      (grant) =>
        grant.organisationId === organisationId &&
        (roles[grant.role as RoleId]?.actions ?? []).includes(action),
    ),
  );
