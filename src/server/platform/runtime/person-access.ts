import { can, ownAreaOnly, type Decision, type DenialReason } from '../../../domain/access/policy';
import type { Action } from '../../../domain/access/roles';
import type { AuditEventInput, AuditEventType } from '../../../domain/audit/events';
import { DomainError } from '../../../domain/errors';
import { appendAuditEvent } from '../audit/audit.repository';
import { inScope, type Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { personResource } from '../../features/persons/person.presenter';
import { findPerson, type PersonRecord } from '../../features/persons/person.repository';

/**
 * A refusal that must be in the audit log. The request's transaction rolls back when it is
 * refused, so runAudited() writes the event afterwards in a transaction of its own.
 */
export class AuditedDenial extends DomainError {
  readonly event: AuditEventInput;
  constructor(
    ctx: CommandContext,
    denial: { personId: string | null; reason: DenialReason; details: Record<string, string> },
  ) {
    super('access.denied', { message: denialMessages[denial.reason], reason: denial.reason });
    this.event = {
      type: 'access.denied',
      organisationId: ctx.actor.organisationId,
      actorUserId: ctx.actor.userId,
      personId: denial.personId,
      outcome: 'denied',
      reason: denial.reason,
      requestId: ctx.requestId,
      details: denial.details,
    };
  }
}

/**
 * A record the caller asked for by id that is not theirs to see (another organisation, no such
 * id, or a two-party record they are not a party to): 404 — its existence is not theirs to
 * know — and the attempt is in the audit log all the same.
 */
export class AuditedNotFound extends DomainError {
  readonly event: AuditEventInput;
  constructor(ctx: CommandContext, attempt: { message: string; details: Record<string, string> }) {
    super('not_found', { message: attempt.message });
    this.event = {
      type: 'access.denied',
      organisationId: ctx.actor.organisationId,
      actorUserId: ctx.actor.userId,
      personId: null,
      outcome: 'denied',
      reason: 'access.not_visible',
      requestId: ctx.requestId,
      details: attempt.details,
    };
  }
}

/** Runs a command's work in one scoped transaction; a refusal is audited after the rollback. */
export const runAudited = async <T>(
  ctx: CommandContext,
  work: (tx: Tx) => Promise<T>,
): Promise<T> => {
  try {
    return await inScope(ctx.db, ctx.scope, work);
  } catch (error) {
    if (error instanceof AuditedDenial || error instanceof AuditedNotFound) {
      const { event } = error;
      await inScope(ctx.db, ctx.scope, (tx) => appendAuditEvent(tx, event, ctx.now()));
    }
    throw error;
  }
};

/**
 * Loads a person and asks the policy. A person the request cannot see at all (another
 * organisation, or no such id) is "not found"; one it can see but may not use is a 403 with
 * the policy's reason, audited.
 */
export const loadPersonFor = async (
  ctx: CommandContext,
  tx: Tx,
  personId: string,
  action: Action,
  auditType: AuditEventType,
  /** The command passes the person's information on: only from the person's own area. */
  passesOn = false,
): Promise<{ person: PersonRecord; decision: Extract<Decision, { allowed: true }> }> => {
  const person = await findPerson(tx, personId);
  if (!person) {
    throw new DomainError('not_found', {
      message: 'Personen finns inte eller är inte synlig för dig.',
    });
  }
  const asked = can(ctx.actor, action, personResource(person), ctx.now());
  const decision = passesOn ? ownAreaOnly(asked) : asked;
  if (!decision.allowed) {
    throw new AuditedDenial(ctx, {
      personId,
      reason: decision.reason,
      details: { attempted: auditType },
    });
  }
  return { person, decision };
};

/** Plain-Swedish explanations of each denial, shown to the user. */
export const denialMessages: Record<Extract<Decision, { allowed: false }>['reason'], string> = {
  'access.second_factor_required': 'Logga in med din andra faktor för att se personuppgifter.',
  'access.other_organisation': 'Uppgiften tillhör en annan organisation.',
  'access.role_lacks_action': 'Din roll ger inte behörighet till detta.',
  'access.other_secrecy_area':
    'Uppgiften finns i ett annat sekretessområde. Det krävs samtycke, en uppgiftsskyldighet eller nödåtkomst.',
  'access.no_case_relation': 'Du är inte kopplad till personens ärende.',
  'access.not_meeting_host': 'Bara mötets värdteam kan ändra dagordning, åtgärder och protokoll.',
  'access.not_visible': 'Uppgiften finns inte eller är inte synlig för dig.',
};

export const auditPersonEvent = (
  ctx: CommandContext,
  tx: Tx,
  event: {
    type: AuditEventType;
    personId: string | null;
    reason: string;
    breakGlassId?: string | null;
    details?: Record<string, string | number | boolean | null>;
  },
) =>
  appendAuditEvent(
    tx,
    {
      ...event,
      organisationId: ctx.actor.organisationId,
      actorUserId: ctx.actor.userId,
      outcome: 'allowed',
      requestId: ctx.requestId,
    },
    ctx.now(),
  );

/** An audit event about the organisation's own things (figures, routines, rounds): no person. */
export const auditOrganisationEvent = (
  ctx: CommandContext,
  tx: Tx,
  event: {
    type: AuditEventType;
    reason: string;
    details?: Record<string, string | number | boolean | null>;
  },
) => auditPersonEvent(ctx, tx, { ...event, personId: null });
