import { can } from '../../domain/access/policy';
import { roles, type Action } from '../../domain/access/roles';
import { caseResource } from '../presenters/case.presenter';
import { swedishDate } from '../../domain/calendar';
import type { CaseType } from '../../domain/cases/catalogues';
import { initialStage } from '../../domain/cases/stages';
import type { DataCategory } from '../../domain/collaboration/consent';
import { checkDisclosure } from '../../domain/collaboration/grounds';
import {
  acknowledgeBy,
  checkAnswer,
  packageCategories,
  recipientKindOf,
  recipientKindOfOrganisation,
  referralKindFor,
  referralState,
  type MessageKind,
  type OrganisationKind,
} from '../../domain/collaboration/referrals';
import { DomainError, ruleViolation, staleVersion } from '../../domain/errors';
import { presentPersonalNumber } from '../../domain/identity/protected-identity';
import {
  buildReferralPackage,
  type ReferralPackage,
  type ReferralSubject,
} from '../collaboration/referral-package';
import { decryptField, encryptField } from '../crypto/field-encryption';
import type { Tx } from '../db/transaction';
import type { CommandContext } from '../http/context';
import { disclosureContext } from '../presenters/collaboration.presenter';
import { findCase, insertOpenedCase } from '../repositories/case.repository';
import { insertDisclosure } from '../repositories/collaboration.repository';
import { findUnit, ownOrganisation } from '../repositories/organisation.repository';
import { registerIdentity } from './register-identity';
import {
  answerReferralIfVersion,
  findReferral,
  insertReferral,
  insertReferralMessage,
  listDirectory,
  listReferralMessages,
  listReferralsOfCase,
  listReferralsOfOrganisation,
  type ReferralRow,
} from '../repositories/referral.repository';
import { findUserById } from '../repositories/user.repository';
import { loadCaseFor } from './case-access';
import { disclosureRefused, situationFor } from './disclosure-commands';
import {
  AuditedDenial,
  auditOrganisationEvent,
  auditPersonEvent,
  runAudited,
} from './person-access';

const contexts = {
  subject: 'referrals.subject',
  package: 'referrals.package',
  declineReason: 'referrals.decline_reason',
  message: 'referral_messages.body',
} as const;

/** Where a referral from the actor's organisation can go: units of the county's other organisations. */
export const referralDirectory = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const own = await ownOrganisation(tx, ctx.actor.organisationId);
    return (await listDirectory(tx)).flatMap((row) => {
      const kind = referralKindFor(own.kind, row.organisationKind);
      return row.organisationId !== own.id && kind ? [{ ...row, referralKind: kind }] : [];
    });
  });

/**
 * The county's other organisations' units (names only), each with the kind of recipient it is:
 * what the recipient picker offers for consents and disclosures.
 */
export const recipientDirectory = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) =>
    (await listDirectory(tx))
      .filter((row) => row.organisationId !== ctx.actor.organisationId)
      .map((row) => ({
        organisationId: row.organisationId,
        organisationName: row.organisationName,
        unitId: row.unitId,
        unitName: row.unitName,
        recipientKind: recipientKindOfOrganisation[row.organisationKind as OrganisationKind],
      })),
  );

/** The county's other organisations (names only): who can take part in a meeting. */
export const countyOrganisations = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const rows = await listDirectory(tx);
    const seen = new Map<string, { id: string; name: string; kind: string }>();
    for (const row of rows)
      if (row.organisationId !== ctx.actor.organisationId)
        seen.set(row.organisationId, {
          id: row.organisationId,
          name: row.organisationName,
          kind: row.organisationKind,
        });
    return [...seen.values()];
  });

export type SendReferralInput = {
  toUnitId: string;
  summary: string;
  categories: DataCategory[];
  groundCode: string | null;
  assessmentNote: string;
};

/**
 * Sends a case on to another organisation: the receiver gets a snapshot of what the sender may
 * disclose, the sender keeps a disclosure record with its ground. Refused without a ground that
 * applies, like every disclosure.
 */
export const sendReferral = (ctx: CommandContext, caseId: string, input: SendReferralInput) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'referral.sent',
      reads: 'notShared',
      passesOn: true,
    });
    const own = await ownOrganisation(tx, ctx.actor.organisationId);
    const target = (await listDirectory(tx)).find((row) => row.unitId === input.toUnitId);
    const kind = target ? referralKindFor(own.kind, target.organisationKind) : null;
    if (!target || !kind || target.organisationId === own.id)
      throw new DomainError('validation.invalid', {
        fields: [
          { path: 'body.toUnitId', message: 'Välj en mottagare i en annan organisation i länet.' },
        ],
      });
    if (input.summary.trim().length < 20)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.summary',
            message: 'Skriv vad som har hänt och vad mottagaren behöver göra (minst 20 tecken).',
          },
        ],
      });
    const categories = input.categories.filter((category) =>
      packageCategories[kind].includes(category),
    );
    const today = swedishDate(ctx.now());
    const recipient = {
      kind: recipientKindOf[kind],
      organisationId: target.organisationId,
      unitId: target.unitId,
      label: `${target.organisationName} – ${target.unitName}`,
    };
    const { situation, consentIds } = await situationFor(ctx, tx, record, recipient, categories);
    const problems = checkDisclosure(ctx.disclosureGrounds, situation, {
      groundCode: input.groundCode,
      assessmentNote: input.assessmentNote,
      provisionText: '',
    });
    if (problems.length)
      throw disclosureRefused(ctx, situation, problems, 'Överlämningen skickas inte.');
    const now = ctx.now();
    const sender = await findUserById(tx, ctx.actor.userId);
    const fromUnit = (await findUnit(tx, record.unitId))!;
    const subject: ReferralSubject = {
      givenName: record.givenName,
      familyName: record.familyName,
      personalNumber: record.personalNumber,
      protectionLevel: record.protectionLevel as ReferralSubject['protectionLevel'],
    };
    const pack = await buildReferralPackage(ctx, tx, record, input.summary.trim(), categories);
    const { id } = await insertReferral(tx, {
      kind,
      fromOrganisationId: own.id,
      fromUnitId: fromUnit.id,
      fromUserId: ctx.actor.userId,
      fromUserName: sender?.displayName ?? '–',
      fromUnitName: fromUnit.name,
      fromOrganisationName: own.name,
      sourceCaseId: caseId,
      toOrganisationId: target.organisationId,
      toUnitId: target.unitId,
      toUnitName: target.unitName,
      caseType: record.type as CaseType,
      protectionLevel: subject.protectionLevel,
      subjectEnc: encryptField(ctx.keys, contexts.subject, JSON.stringify(subject)),
      packageEnc: encryptField(ctx.keys, contexts.package, JSON.stringify(pack)),
      groundCode: input.groundCode!,
      groundCatalogueVersion: ctx.disclosureGrounds.version,
      sentAt: now,
    });
    await insertDisclosure(tx, {
      organisationId: own.id,
      personId: record.personId,
      caseId,
      recipientKind: recipient.kind,
      recipientUnitId: null,
      recipientLabel: recipient.label,
      categories,
      groundCode: input.groundCode!,
      groundCatalogueVersion: ctx.disclosureGrounds.version,
      provisionText: null,
      consentIds: input.groundCode === 'consent' ? consentIds : [],
      assessmentEnc: input.assessmentNote.trim()
        ? encryptField(ctx.keys, disclosureContext.assessment, input.assessmentNote.trim())
        : null,
      contentEnc: encryptField(
        ctx.keys,
        disclosureContext.content,
        `Överlämning ${id}: ${input.summary.trim()}`,
      ),
      decidedBy: ctx.actor.userId,
      decidedAt: now,
      sharesCase: false,
      shareEndsAt: null,
      shareEndedAt: null,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'referral.sent',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, referralId: id, kind, ground: input.groundCode },
    });
    return { id, kind, acknowledgeBy: acknowledgeBy(today) };
  });

/** A referral as one side sees it: the receiver never sees the sender's case id, and vice versa. */
const presentReferral = (ctx: CommandContext, row: ReferralRow) => {
  const incoming = row.toOrganisationId === ctx.actor.organisationId;
  const subject = JSON.parse(
    decryptField(ctx.keys, contexts.subject, row.subjectEnc),
  ) as ReferralSubject;
  const sentOn = swedishDate(row.sentAt);
  return {
    id: row.id,
    kind: row.kind,
    direction: incoming ? ('incoming' as const) : ('outgoing' as const),
    from: {
      organisation: row.fromOrganisationName,
      unit: row.fromUnitName,
      user: row.fromUserName,
    },
    to: { unitId: row.toUnitId, unit: row.toUnitName },
    caseType: row.caseType,
    subject: {
      name: `${subject.givenName} ${subject.familyName}`,
      personalNumber: presentPersonalNumber(subject.personalNumber, subject.protectionLevel),
      protectionLevel: subject.protectionLevel,
    },
    groundCode: row.groundCode,
    sentAt: row.sentAt.toISOString(),
    acknowledgeBy: acknowledgeBy(sentOn),
    state: referralState(
      {
        sentOn,
        acknowledgedAt: row.acknowledgedAt,
        declinedAt: row.declinedAt,
        withdrawnAt: row.withdrawnAt,
      },
      swedishDate(ctx.now()),
    ),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: row.acknowledgedByName,
    declineReason: row.declineReasonEnc
      ? decryptField(ctx.keys, contexts.declineReason, row.declineReasonEnc)
      : null,
    caseId: incoming ? row.receivedCaseId : row.sourceCaseId,
    messageCount: Number(row.messageCount ?? 0),
    version: row.version,
  };
};

export type Handling = {
  /** 'referral.party' for the two sides' own staff; otherwise how the actor reached it. */
  reason: string;
  breakGlassId: string | null;
  /** The sender's person, when the actor reached the referral through the source case. */
  personId: string | null;
};

/**
 * Whether and how the actor may handle a referral: on the receiving side whoever holds a role in
 * the receiving unit that may; on the sending side whoever may read (or write) the source case,
 * but never through a share (a share opens a case's history, not what was sent elsewhere).
 */
export const handlingOf = async (
  ctx: CommandContext,
  tx: Tx,
  row: ReferralRow,
  action: Action,
): Promise<Handling | null> => {
  if (row.toOrganisationId === ctx.actor.organisationId)
    return ctx.actor.roles.some(
      (grant) => grant.unitId === row.toUnitId && roles[grant.role].actions.includes(action),
    )
      ? { reason: 'referral.party', breakGlassId: null, personId: null }
      : null;
  const source = row.sourceCaseId ? await findCase(tx, row.sourceCaseId) : undefined;
  if (!source) return null;
  const decision = can(ctx.actor, action, caseResource(source), ctx.now());
  if (!decision.allowed || decision.shareId) return null;
  return {
    reason: decision.reason === 'access.same_secrecy_area' ? 'referral.party' : decision.reason,
    breakGlassId: decision.breakGlassId,
    personId: source.personId,
  };
};

/**
 * Loads a referral the actor may handle; others are "not found" (its existence is not theirs to
 * know). Writing to the other organisation passes information on: only the sides' own staff.
 */
const loadReferral = async (
  ctx: CommandContext,
  tx: Tx,
  id: string,
  action: Action,
  passesOn = false,
) => {
  const row = await findReferral(tx, id);
  const handling = row ? await handlingOf(ctx, tx, row, action) : null;
  if (!row || !handling)
    throw new DomainError('not_found', {
      message: 'Överlämningen finns inte eller är inte synlig för dig.',
    });
  if (passesOn && handling.reason !== 'referral.party')
    throw new AuditedDenial(ctx, {
      personId: handling.personId,
      reason: 'access.other_secrecy_area',
      details: { attempted: 'referral.message_posted', referralId: id },
    });
  return { row, handling };
};

/** The person a referral concerns on the actor's side, for the audit log (null before it is opened). */
const sidePersonId = async (ctx: CommandContext, tx: Tx, row: ReferralRow) => {
  const caseId =
    row.toOrganisationId === ctx.actor.organisationId ? row.receivedCaseId : row.sourceCaseId;
  return caseId ? ((await findCase(tx, caseId))?.personId ?? null) : null;
};

/** Incoming and outgoing referrals the actor may handle, newest first. */
export const listReferrals = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const rows = await listReferralsOfOrganisation(tx, ctx.actor.organisationId, 200);
    const visible: ReferralRow[] = [];
    for (const row of rows) {
      const handling = await handlingOf(ctx, tx, row, 'case.read');
      if (!handling) continue;
      // Reached across internal secrecy (break-glass): logged on the person, with how.
      if (handling.reason !== 'referral.party')
        await auditPersonEvent(ctx, tx, {
          type: 'referral.listed',
          personId: handling.personId,
          reason: handling.reason,
          breakGlassId: handling.breakGlassId,
          details: { referralId: row.id },
        });
      visible.push(row);
    }
    await auditOrganisationEvent(ctx, tx, {
      type: 'referral.listed',
      reason: 'referrals.mine',
      details: { count: visible.length },
    });
    return visible.map((row) => presentReferral(ctx, row));
  });

/** Referrals sent from or received into a case the actor may read. */
export const referralsOfCase = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'referral.read',
      reads: 'notShared',
    });
    const rows = await listReferralsOfCase(tx, caseId);
    await auditPersonEvent(ctx, tx, {
      type: 'referral.read',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, count: rows.length },
    });
    return rows.map((row) => presentReferral(ctx, row));
  });

/** One referral with its package and thread. The identity number is masked as everywhere. */
export const readReferral = (ctx: CommandContext, id: string) =>
  runAudited(ctx, async (tx) => {
    const { row, handling } = await loadReferral(ctx, tx, id, 'case.read');
    const pack = JSON.parse(
      decryptField(ctx.keys, contexts.package, row.packageEnc),
    ) as ReferralPackage;
    const messages = await listReferralMessages(tx, id);
    await auditPersonEvent(ctx, tx, {
      type: 'referral.read',
      personId: await sidePersonId(ctx, tx, row),
      reason: handling.reason,
      breakGlassId: handling.breakGlassId,
      details: { referralId: id },
    });
    return {
      ...presentReferral(ctx, row),
      package: pack,
      messages: messages.map((message) => ({
        id: message.id,
        kind: message.kind,
        authorName: message.authorName,
        authorOrganisation: message.authorOrganisationName,
        body: decryptField(ctx.keys, contexts.message, message.bodyEnc),
        sentAt: message.sentAt.toISOString(),
        own: message.organisationId === ctx.actor.organisationId,
      })),
    };
  });

/**
 * The receiver's answer. Acknowledging may open a case in the receiving unit at once, with the
 * person registered from the package (or found by personnummer if already known): the
 * receiving team starts from what was handed over instead of asking again.
 */
export const answerReferral = (
  ctx: CommandContext,
  id: string,
  input: { decline: boolean; reason: string; openCase: boolean; version: number },
) =>
  runAudited(ctx, async (tx) => {
    const { row } = await loadReferral(ctx, tx, id, 'case.write');
    if (row.toOrganisationId !== ctx.actor.organisationId)
      throw ruleViolation('referral.not_receiver', 'Bara mottagaren kan kvittera överlämningen.');
    const state = referralState(
      {
        sentOn: swedishDate(row.sentAt),
        acknowledgedAt: row.acknowledgedAt,
        declinedAt: row.declinedAt,
        withdrawnAt: row.withdrawnAt,
      },
      swedishDate(ctx.now()),
    );
    const check = checkAnswer(state, input);
    if (!check.ok)
      throw check.field
        ? new DomainError('validation.invalid', {
            fields: [{ path: `body.${check.field}`, message: check.message }],
          })
        : ruleViolation('referral.answered', check.message);
    const now = ctx.now();
    const receiver = await findUserById(tx, ctx.actor.userId);
    const caseId = !input.decline && input.openCase ? await openReceivedCase(ctx, tx, row) : null;
    const done = await answerReferralIfVersion(
      tx,
      id,
      input.version,
      input.decline
        ? {
            declinedAt: now,
            declineReasonEnc: encryptField(ctx.keys, contexts.declineReason, input.reason.trim()),
          }
        : {
            acknowledgedAt: now,
            acknowledgedByName: receiver?.displayName ?? '–',
            receivedCaseId: caseId,
          },
    );
    if (!done) throw staleVersion('Överlämningen har redan besvarats. Läs in sidan igen.');
    await auditPersonEvent(ctx, tx, {
      type: input.decline ? 'referral.declined' : 'referral.acknowledged',
      personId: caseId ? ((await findCase(tx, caseId))?.personId ?? null) : null,
      reason: 'referral.receiver',
      details: { referralId: id, caseId },
    });
    return { caseId };
  });

/** Registers the person from the package (or finds them by number) and opens a case on the intake list. */
const openReceivedCase = async (ctx: CommandContext, tx: Tx, row: ReferralRow) => {
  const subject = JSON.parse(
    decryptField(ctx.keys, contexts.subject, row.subjectEnc),
  ) as ReferralSubject;
  const unit = (await findUnit(tx, row.toUnitId))!;
  const now = ctx.now();
  // The person may be known already: the same person, placed in the receiving unit.
  const { id: personId } = await registerIdentity(
    ctx,
    tx,
    {
      unitId: unit.id,
      givenName: subject.givenName,
      familyName: subject.familyName,
      personalNumber: subject.personalNumber,
      identityKind: subject.personalNumber ? 'personnummer' : 'none',
      protectionLevel: subject.protectionLevel,
    },
    { reason: 'referral.receiver', details: { referralId: row.id } },
  );
  const { id } = await insertOpenedCase(tx, {
    organisationId: ctx.actor.organisationId,
    unitId: unit.id,
    personId,
    type: row.caseType,
    stage: initialStage,
    ownerUserId: null,
    detectionSource: row.kind === 'policeToSocialServices' ? 'police' : null,
    violenceForms: (
      JSON.parse(decryptField(ctx.keys, contexts.package, row.packageEnc)) as ReferralPackage
    ).violenceForms,
    perpetratorRelation: null,
    openedAt: now,
    createdBy: ctx.actor.userId,
  });
  await auditPersonEvent(ctx, tx, {
    type: 'case.opened',
    personId,
    reason: 'referral.receiver',
    details: { caseId: id, referralId: row.id },
  });
  return id;
};

/**
 * A message in the referral's thread, from either side. Only the police may tell that the
 * investigation was dropped or a prosecution decided: the notice social services otherwise miss.
 */
export const postReferralMessage = (
  ctx: CommandContext,
  id: string,
  input: { kind: MessageKind; body: string },
) =>
  runAudited(ctx, async (tx) => {
    const { row, handling } = await loadReferral(ctx, tx, id, 'case.write', true);
    const own = await ownOrganisation(tx, ctx.actor.organisationId);
    if (input.kind !== 'note' && own.kind !== 'policeRegion')
      throw ruleViolation(
        'referral.police_notice',
        'Bara polisen kan meddela beslut i förundersökningen.',
      );
    if (input.body.trim().length < 3)
      throw new DomainError('validation.invalid', {
        fields: [{ path: 'body.body', message: 'Skriv meddelandet.' }],
      });
    const author = await findUserById(tx, ctx.actor.userId);
    const { id: messageId } = await insertReferralMessage(tx, {
      referralId: id,
      organisationId: own.id,
      kind: input.kind,
      authorName: author?.displayName ?? '–',
      authorOrganisationName: own.name,
      bodyEnc: encryptField(ctx.keys, contexts.message, input.body.trim()),
      sentAt: ctx.now(),
    });
    await auditPersonEvent(ctx, tx, {
      type: 'referral.message_posted',
      personId: await sidePersonId(ctx, tx, row),
      reason: handling.reason,
      details: { referralId: id, messageId, kind: input.kind },
    });
    return { id: messageId };
  });
