import { rangeIssue, type CodedFieldIssue } from '../field-issues';
import { personalDataActions, roles, type Action, type RoleId } from './roles';

/** One role held by the actor in one unit. */
export type RoleGrant = { unitId: string; role: RoleId; secrecyAreaId: string | null };

/** A time-limited, reasoned exception to internal secrecy (nödåtkomst). */
export type BreakGlassGrant = {
  id: string;
  personId: string;
  reason: string;
  expiresAt: Date;
};

export type Actor = {
  userId: string;
  /** The organisation the actor works in right now (chosen at sign-in or by switching). */
  organisationId: string;
  roles: readonly RoleGrant[];
  secondFactorVerified: boolean;
  breakGlass: readonly BreakGlassGrant[];
};

/**
 * What the policy needs to know about a record of personal data: a person or a case. Both
 * live in a unit (and so a secrecy area) and concern one person (break-glass is per person).
 */
export type RecordResource = {
  kind: 'person' | 'case';
  id: string;
  /** The person the record is about. */
  personId: string;
  organisationId: string;
  unitId: string;
  secrecyAreaId: string | null;
  /**
   * Further units the record is placed in: a person registered in one unit is also where their
   * cases are (a person referred from income support to the VINR team is visible to that team).
   */
  otherPlacements?: readonly { unitId: string; secrecyAreaId: string | null }[];
  /** Users assigned to the matter (case owner, assigned workers): the case relation. */
  assignedUserIds: readonly string[];
  /**
   * Units outside the record's secrecy area that may read it because someone in the area decided
   * so on a consent or a legal ground (a disclosure). Reading only, and only until it ends.
   */
  shares?: readonly RecordShare[];
};

export type RecordShare = {
  id: string;
  unitId: string;
  basis: 'consent' | 'disclosure';
  endsAt: Date | null;
};

/** The actions a share opens: reading what was shared, never changing it. */
const shareableActions: ReadonlySet<Action> = new Set(['person.read', 'case.read']);

export type OrganisationResource = { kind: 'organisation'; organisationId: string };

export type Resource = RecordResource | OrganisationResource;

export const denialReasons = [
  'access.second_factor_required',
  'access.other_organisation',
  'access.role_lacks_action',
  'access.other_secrecy_area',
  'access.no_case_relation',
  /** Not the policy's: a meeting's agenda and action plan are changed by its host team only. */
  'access.not_meeting_host',
  /** Not the policy's: a record asked for by id that the caller may not know of (answered 404). */
  'access.not_visible',
] as const;
export type DenialReason = (typeof denialReasons)[number];

export type AllowReason =
  | 'access.same_secrecy_area'
  | 'access.consent'
  | 'access.disclosure'
  | 'access.break_glass'
  | 'access.organisation_role';

export type Decision =
  | { allowed: true; reason: AllowReason; breakGlassId: string | null; shareId?: string }
  | { allowed: false; reason: DenialReason };

const deny = (reason: DenialReason): Decision => ({ allowed: false, reason });

/**
 * Decides whether the actor may do the action on the resource, and why. Every route asks this
 * one function; it is pure, so the same answer is given to the API, the UI and the audit log.
 */
export const can = (actor: Actor, action: Action, resource: Resource, now: Date): Decision => {
  if (personalDataActions.has(action) && !actor.secondFactorVerified) {
    return deny('access.second_factor_required');
  }
  if (resource.organisationId !== actor.organisationId) return deny('access.other_organisation');

  const capable = actor.roles.filter((grant) => roles[grant.role].actions.includes(action));
  if (capable.length === 0) return deny('access.role_lacks_action');

  if (resource.kind === 'organisation') {
    return { allowed: true, reason: 'access.organisation_role', breakGlassId: null };
  }

  const inArea = capable.filter((grant) => sharesSecrecyArea(grant, resource));
  const related = inArea.filter(
    (grant) =>
      !roles[grant.role].requiresCaseRelation || resource.assignedUserIds.includes(actor.userId),
  );
  if (related.length > 0) {
    return { allowed: true, reason: 'access.same_secrecy_area', breakGlassId: null };
  }

  const share = shareableActions.has(action)
    ? (resource.shares ?? []).find(
        (entry) =>
          (entry.endsAt === null || entry.endsAt.getTime() > now.getTime()) &&
          capable.some(
            (grant) => grant.unitId === entry.unitId && !roles[grant.role].requiresCaseRelation,
          ),
      )
    : undefined;
  if (share) {
    const reason = share.basis === 'consent' ? 'access.consent' : 'access.disclosure';
    return { allowed: true, reason, breakGlassId: null, shareId: share.id };
  }

  const glass = actor.breakGlass.find(
    (grant) => grant.personId === resource.personId && grant.expiresAt.getTime() > now.getTime(),
  );
  // Break-glass opens a person across internal secrecy, never a role's missing action.
  if (glass && action !== 'person.readProtectedAddress') {
    return { allowed: true, reason: 'access.break_glass', breakGlassId: glass.id };
  }
  return deny(inArea.length > 0 ? 'access.no_case_relation' : 'access.other_secrecy_area');
};

/**
 * The role, in the record's own secrecy area, through which the actor may do the action: the
 * unit they act from. What they record there (a consent, say) belongs to that unit's area.
 * Undefined when the actor reaches the record only by a share or break-glass, or not at all.
 */
export const actingGrant = (
  actor: Actor,
  action: Action,
  resource: RecordResource,
): RoleGrant | undefined => {
  const inArea = actor.roles.filter(
    (grant) =>
      roles[grant.role].actions.includes(action) &&
      sharesSecrecyArea(grant, resource) &&
      (!roles[grant.role].requiresCaseRelation || resource.assignedUserIds.includes(actor.userId)),
  );
  return (
    inArea.find((grant) => grant.unitId === resource.unitId) ??
    inArea.find((grant) =>
      (resource.otherPlacements ?? []).some((place) => place.unitId === grant.unitId),
    ) ??
    inArea[0]
  );
};

/**
 * Passing information on (disclosing it, sharing the case, referring it to another organisation,
 * recording consent, opening a further case for the person, linking or raising concern) needs
 * the record's own secrecy area. A share or break-glass lets a person read, never move the
 * information further: otherwise one break-glass could turn into lasting access for a whole area.
 */
export const ownAreaOnly = (decision: Decision): Decision =>
  !decision.allowed || decision.reason === 'access.same_secrecy_area'
    ? decision
    : { allowed: false, reason: 'access.other_secrecy_area' };

/**
 * Units inside one secrecy area share information; a unit without an area is its own area.
 * Internal secrecy between parts of a social services authority (law catalogue:
 * osl.internalSecrecy) applies across areas.
 */
const sharesSecrecyArea = (grant: RoleGrant, record: RecordResource): boolean =>
  [record, ...(record.otherPlacements ?? [])].some(
    (place) =>
      grant.unitId === place.unitId ||
      (grant.secrecyAreaId !== null && grant.secrecyAreaId === place.secrecyAreaId),
  );

/** The longest a break-glass grant may last. */
export const breakGlassMaxMinutes = 60;
/** A reason must say something: a word or two is not a reason. */
export const breakGlassMinReasonLength = 15;

export type BreakGlassRequest = { reason: string; minutes: number };

/** Validates a break-glass request; returns field problems or the expiry time. */
export const planBreakGlass = (
  request: BreakGlassRequest,
  now: Date,
):
  | { ok: true; expiresAt: Date }
  | ({ ok: false; field: 'reason' | 'minutes'; message: string } & Pick<
      CodedFieldIssue,
      'code' | 'limit'
    >) => {
  if (request.reason.trim().length < breakGlassMinReasonLength) {
    return {
      ok: false,
      field: 'reason',
      message: `Skriv varför du behöver åtkomst (minst ${breakGlassMinReasonLength} tecken).`,
      code: 'tooShort',
      limit: breakGlassMinReasonLength,
    };
  }
  if (
    !Number.isInteger(request.minutes) ||
    request.minutes < 1 ||
    request.minutes > breakGlassMaxMinutes
  ) {
    return {
      ok: false,
      field: 'minutes',
      message: `Åtkomsten kan gälla 1–${breakGlassMaxMinutes} minuter.`,
      ...rangeIssue(request.minutes, 1, breakGlassMaxMinutes),
    };
  }
  return { ok: true, expiresAt: new Date(now.getTime() + request.minutes * 60_000) };
};
