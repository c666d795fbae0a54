import { actingGrant, can } from '../../../domain/access/policy';
import { swedishDate } from '../../../domain/calendar';
import {
  checkConsentDraft,
  isInForce,
  type ConsentDraft,
  type ConsentRecord,
} from '../../../domain/collaboration/consent';
import { DomainError, staleVersion } from '../../../domain/errors';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { consentContext, consentResource, presentConsent } from './collaboration.presenter';
import { personResource } from '../persons/person.presenter';
import {
  endSharesResting,
  findConsent,
  insertConsent,
  listConsents,
  withdrawConsentIfVersion,
  type ConsentRow,
} from './collaboration.repository';
import {
  AuditedDenial,
  auditPersonEvent,
  loadPersonFor,
  runAudited,
} from '../../platform/runtime/person-access';
import { referencedRecipients } from './recipients';

export const asConsentRecord = (row: ConsentRow): ConsentRecord => ({
  id: row.id,
  decision: row.decision,
  recipients: row.recipients,
  categories: row.categories as ConsentRecord['categories'],
  givenBy: row.givenBy,
  // Only who gave it matters to the rule; the name stays encrypted until shown.
  giverName: row.giverNameEnc,
  givenOn: row.givenOn,
  expiresOn: row.expiresOn,
  withdrawnOn: row.withdrawnOn,
  recordedAt: row.recordedAt,
});

const presentAll = (rows: readonly ConsentRow[], ctx: CommandContext) => {
  const today = swedishDate(ctx.now());
  return rows.map((row) =>
    presentConsent(
      row,
      ctx.keys,
      row.decision === 'given' && isInForce(asConsentRecord(row), today),
    ),
  );
};

/**
 * A person's consents and refusals, newest first: those recorded in a secrecy area the reader
 * may read the person in. A unit of another area where she is also registered sees none of the
 * VINR team's consents (their purpose names what the team knows); break-glass opens them all.
 */
export const readConsents = (ctx: CommandContext, personId: string) =>
  runAudited(ctx, async (tx) => {
    const { person, decision } = await loadPersonFor(
      ctx,
      tx,
      personId,
      'person.read',
      'consent.read',
    );
    const holder = personResource(person);
    const rows = (await listConsents(tx, personId)).filter(
      (row) => can(ctx.actor, 'person.read', consentResource(row, holder), ctx.now()).allowed,
    );
    await auditPersonEvent(ctx, tx, {
      type: 'consent.read',
      personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { count: rows.length },
    });
    return presentAll(rows, ctx);
  });

export type ConsentInput = ConsentDraft & { form: 'oral' | 'written'; custodianCount: number };

/** Records a consent or a refusal, as the person (or each custodian) answered. */
export const recordConsent = (ctx: CommandContext, personId: string, input: ConsentInput) =>
  runAudited(ctx, async (tx) => {
    const problems = checkConsentDraft(input, swedishDate(ctx.now()));
    if (problems.length)
      throw new DomainError('validation.invalid', {
        fields: problems.map(({ field, ...issue }) => ({ path: `body.${field}`, ...issue })),
      });
    const { person, decision } = await loadPersonFor(
      ctx,
      tx,
      personId,
      'person.update',
      'consent.recorded',
      true,
    );
    // Own area only (above), so a grant in the person's area exists: the consent is its own.
    const recordedIn = actingGrant(ctx.actor, 'person.update', personResource(person))!;
    const { id } = await insertConsent(tx, {
      recordedInUnitId: recordedIn.unitId,
      organisationId: ctx.actor.organisationId,
      personId,
      decision: input.decision,
      purposeEnc: encryptField(ctx.keys, consentContext.purpose, input.purpose.trim()),
      recipients: JSON.stringify(await referencedRecipients(ctx, tx, input.recipients)),
      categories: [...input.categories],
      givenBy: input.givenBy,
      giverNameEnc: input.giverName?.trim()
        ? encryptField(ctx.keys, consentContext.giverName, input.giverName.trim())
        : null,
      form: input.form,
      givenOn: input.givenOn,
      expiresOn: input.expiresOn,
      custodianCount: input.custodianCount,
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'consent.recorded',
      personId,
      reason: decision.reason,
      details: { consentId: id, decision: input.decision, givenBy: input.givenBy },
    });
    return presentAll([(await findConsent(tx, id))!], ctx)[0]!;
  });

/**
 * Records that a consent was withdrawn. Everything that rested on it stops at once: a case
 * shared on the consent is no longer readable by the recipient.
 */
export const withdrawConsent = (
  ctx: CommandContext,
  consentId: string,
  input: { withdrawnOn: string; reason: string; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const row = await loadConsent(tx, consentId);
    const { person, decision } = await loadPersonFor(
      ctx,
      tx,
      row.personId,
      'person.update',
      'consent.withdrawn',
      true,
    );
    // The consent is the recording area's: another area where she is registered cannot see it.
    const own = can(
      ctx.actor,
      'person.update',
      consentResource(row, personResource(person)),
      ctx.now(),
    );
    if (!own.allowed || own.reason !== 'access.same_secrecy_area')
      throw new AuditedDenial(ctx, {
        personId: row.personId,
        reason: own.allowed ? 'access.other_secrecy_area' : own.reason,
        details: { attempted: 'consent.withdrawn', consentId },
      });
    const today = swedishDate(ctx.now());
    if (input.withdrawnOn > today || input.withdrawnOn < row.givenOn)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.withdrawnOn',
            message: 'Datumet ska vara mellan svaret och i dag.',
            code: 'dateOutOfRange',
          },
        ],
      });
    const done = await withdrawConsentIfVersion(tx, consentId, input.version, {
      withdrawnOn: input.withdrawnOn,
      withdrawalReasonEnc: encryptField(
        ctx.keys,
        consentContext.withdrawalReason,
        input.reason.trim(),
      ),
    });
    if (!done)
      throw staleVersion('Samtycket har ändrats eller är redan återkallat. Läs in sidan igen.');
    await endSharesResting(tx, consentId, ctx.now());
    await auditPersonEvent(ctx, tx, {
      type: 'consent.withdrawn',
      personId: row.personId,
      reason: decision.reason,
      details: { consentId },
    });
    return presentAll([(await findConsent(tx, consentId))!], ctx)[0]!;
  });

const loadConsent = async (tx: Tx, consentId: string) => {
  const row = await findConsent(tx, consentId);
  if (!row)
    throw new DomainError('not_found', {
      message: 'Samtycket finns inte eller är inte synligt för dig.',
    });
  return row;
};
