import { swedishDate } from '../../../domain/calendar';
import {
  consentCovers,
  type ConsentRecipient,
  type DataCategory,
} from '../../../domain/collaboration/consent';
import {
  checkDisclosure,
  weighGrounds,
  type DisclosureSituation,
  type FieldProblem,
  type RecipientKind,
} from '../../../domain/collaboration/grounds';
import { DomainError, ruleViolation } from '../../../domain/errors';
import { rangeIssue } from '../../../domain/field-issues';
import { ageOn } from '../../../domain/identity/personal-identity';
import { resolveLegalReference } from '../../../domain/law/legal-references';
import { encryptField } from '../../platform/crypto/field-encryption';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { disclosureContext, presentDisclosure } from './collaboration.presenter';
import { findCases, type CaseRecord } from '../cases/case.repository';
import { caseResource, presentCaseSummary } from '../cases/case.presenter';
import { can } from '../../../domain/access/policy';
import {
  insertDisclosure,
  listCaseIdsSharedWith,
  listConsents,
  listDisclosuresFromCase,
} from './collaboration.repository';
import { findUnit } from '../organisation/organisation.repository';
import { listDirectory } from '../referrals/referral.repository';
import {
  recipientKindOfOrganisation,
  type OrganisationKind,
} from '../../../domain/collaboration/referrals';
import { refuseIfAnonymousAdvice } from '../interventions/advice-commands';
import { loadCaseFor } from '../../platform/runtime/case-access';
import { asConsentRecord } from './consent-commands';
import { auditPersonEvent, runAudited } from '../../platform/runtime/person-access';

export type RecipientInput = {
  recipientKind: RecipientKind;
  recipientUnitId: string | null;
  recipientLabel: string;
  categories: DataCategory[];
};

/** The longest a case may stay shared with another secrecy area before a new decision. */
export const maxShareDays = 90;

/**
 * Who receives, checked: an internal recipient is a unit of the organisation in another
 * secrecy area (inside one area nothing crosses a border, so there is nothing to disclose); a
 * unit of another organisation in the county is named by its id from the directory; only an
 * agency outside Fristad is named in words. `asked` is the recipient the consents are asked
 * about — by id wherever there is one, so the words on screen never decide.
 */
const resolveRecipient = async (tx: Tx, record: CaseRecord, input: RecipientInput) => {
  const words = (label: string) => ({
    unitId: null,
    label,
    unitArea: null,
    asked: { kind: input.recipientKind, organisationId: null, unitId: null, label },
  });
  if (input.recipientKind !== 'internal') {
    if (input.recipientUnitId) {
      const entry = (await listDirectory(tx)).find(
        (row) =>
          row.unitId === input.recipientUnitId && row.organisationId !== record.organisationId,
      );
      if (!entry)
        throw new DomainError('validation.invalid', {
          fields: [
            { path: 'body.recipientUnitId', message: 'Välj mottagaren i listan.', code: 'notAnId' },
          ],
        });
      const label = `${entry.organisationName} – ${entry.unitName}`;
      return {
        ...words(label),
        asked: {
          // What the recipient is follows from its organisation, not from what the form said.
          kind: recipientKindOfOrganisation[entry.organisationKind as OrganisationKind],
          organisationId: entry.organisationId,
          unitId: entry.unitId,
          label,
        },
      };
    }
    if (input.recipientLabel.trim().length < 2)
      throw new DomainError('validation.invalid', {
        fields: [
          {
            path: 'body.recipientLabel',
            message: 'Skriv vem som tar emot uppgifterna.',
            code: 'required',
          },
        ],
      });
    return words(input.recipientLabel.trim());
  }
  const unit = input.recipientUnitId ? await findUnit(tx, input.recipientUnitId) : undefined;
  if (!unit)
    throw new DomainError('validation.invalid', {
      fields: [
        {
          path: 'body.recipientUnitId',
          message: 'Välj vilken enhet som tar emot.',
          code: 'notAnId',
        },
      ],
    });
  const sameArea =
    unit.id === record.unitId ||
    (unit.secrecyAreaId !== null && unit.secrecyAreaId === record.secrecyAreaId);
  if (sameArea)
    throw ruleViolation(
      'disclosure.same_secrecy_area',
      'Enheten ligger i samma sekretessområde som ärendet. Där delas uppgifter utan utlämnande.',
    );
  return {
    unitId: unit.id,
    label: unit.name,
    unitArea: unit.secrecyAreaId,
    asked: { kind: input.recipientKind, organisationId: null, unitId: unit.id, label: unit.name },
  };
};

/** What the grounds are weighed against: the person's age, consents on record, a child concerned. */
export const situationFor = async (
  ctx: CommandContext,
  tx: Tx,
  record: CaseRecord,
  recipient: ConsentRecipient,
  categories: readonly DataCategory[],
): Promise<{ situation: DisclosureSituation; consentIds: string[] }> => {
  const today = swedishDate(ctx.now());
  const rows = await listConsents(tx, record.personId);
  const subjectAge = ageOn(record.personalNumber, today);
  const answer = consentCovers(rows.map(asConsentRecord), {
    recipient,
    categories,
    today,
    subjectAge,
    custodianCount: Math.max(0, ...rows.map((row) => row.custodianCount)),
  });
  return {
    situation: {
      recipientKind: recipient.kind,
      subjectAge,
      consentCovers: answer.covered,
      concernsChild: record.type === 'childExposed' || categories.includes('children'),
    },
    consentIds: answer.covered ? answer.consentIds : [],
  };
};

/** Which grounds could apply to disclosing from this case to this recipient, and why not. */
export const weighDisclosure = (ctx: CommandContext, caseId: string, input: RecipientInput) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'disclosure.grounds_weighed',
      reads: 'notShared',
      passesOn: true,
    });
    const recipient = await resolveRecipient(tx, record, input);
    const { situation } = await situationFor(ctx, tx, record, recipient.asked, input.categories);
    await auditPersonEvent(ctx, tx, {
      type: 'disclosure.grounds_weighed',
      personId: record.personId,
      reason: decision.reason,
      details: { caseId, recipientKind: input.recipientKind },
    });
    return {
      catalogueVersion: ctx.disclosureGrounds.version,
      grounds: weighGrounds(ctx.disclosureGrounds, situation).map((weighed) => ({
        ...weighed,
        ...groundText(ctx, weighed.code),
      })),
    };
  });

/** A refused disclosure: the problems by field, and the grounds that could apply here named. */
export const disclosureRefused = (
  ctx: CommandContext,
  situation: DisclosureSituation,
  problems: readonly FieldProblem[],
  lead: string,
) => {
  const open = weighGrounds(ctx.disclosureGrounds, situation)
    .filter((weighed) => weighed.applies)
    .map((weighed) => groundCitation(ctx, weighed.code));
  return new DomainError('validation.invalid', {
    message: `${lead} Lagrum som kan gälla här: ${open.join(', ')}.`,
    fields: problems.map(({ field, ...issue }) => ({ path: `body.${field}`, ...issue })),
  });
};

/** The ground's title and the citations of its provisions as of today, for a message. */
const groundCitation = (ctx: CommandContext, code: string) => {
  const ground = ctx.disclosureGrounds.grounds.find((entry) => entry.code === code)!;
  const today = swedishDate(ctx.now());
  const cited = ground.legalReferences.map((id) => resolveLegalReference(id, today).citation);
  return cited.length ? `${ground.title.sv} (${cited.join('; ')})` : ground.title.sv;
};

const groundText = (ctx: CommandContext, code: string) => {
  const ground = ctx.disclosureGrounds.grounds.find((entry) => entry.code === code)!;
  return {
    legalReferences: ground.legalReferences,
    title: ground.title,
    guidance: ground.guidance,
    needsAssessment: ground.requires.assessmentNote,
    needsProvision: ground.requires.provisionText,
  };
};

export type DisclosureInput = RecipientInput & {
  groundCode: string | null;
  assessmentNote: string;
  provisionText: string;
  /** What was given, in words (for a disclosure that is not a whole case). */
  content: string;
  /** Open the case for reading in the recipient unit (internal recipients only). */
  shareCase: boolean;
  shareDays: number;
};

/**
 * Records a disclosure: refused without a ground that applies (the refusal names the grounds
 * that could), and with the assessment the ground needs. An internal share opens the case for
 * reading in the recipient unit for a bounded time, limited to the categories disclosed.
 */
export const recordDisclosure = (ctx: CommandContext, caseId: string, input: DisclosureInput) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.write', {
      audit: 'disclosure.recorded',
      reads: 'notShared',
      passesOn: true,
    });
    await refuseIfAnonymousAdvice(ctx, tx, record, 'Att lämna ut uppgifter');
    const recipient = await resolveRecipient(tx, record, input);
    const { situation, consentIds } = await situationFor(
      ctx,
      tx,
      record,
      recipient.asked,
      input.categories,
    );
    const problems = checkDisclosure(ctx.disclosureGrounds, situation, input);
    if (input.shareCase && input.recipientKind !== 'internal')
      problems.push({
        field: 'shareCase',
        message: 'Bara en enhet i kommunen kan få läsa ärendet i Fristad.',
        code: 'caseShareInternalOnly',
      });
    if (input.shareCase && !input.categories.includes('caseHistory'))
      problems.push({
        field: 'categories',
        message: 'Att dela ärendet betyder att dela dess historik: välj "Ärendets historik".',
        code: 'caseHistoryNeeded',
      });
    if (input.shareCase && (input.shareDays < 1 || input.shareDays > maxShareDays))
      problems.push({
        field: 'shareDays',
        message: `Ärendet kan delas i 1–${maxShareDays} dagar; därefter krävs ett nytt beslut.`,
        ...rangeIssue(input.shareDays, 1, maxShareDays),
      });
    if (!input.shareCase && input.content.trim().length < 5)
      problems.push({
        field: 'content',
        message: 'Skriv vilka uppgifter som lämnades.',
        code: 'required',
      });
    if (problems.length)
      throw disclosureRefused(ctx, situation, problems, 'Uppgifterna lämnas inte ut.');
    const now = ctx.now();
    const { id } = await insertDisclosure(tx, {
      organisationId: ctx.actor.organisationId,
      personId: record.personId,
      caseId,
      recipientKind: recipient.asked.kind,
      recipientUnitId: recipient.unitId,
      recipientLabel: recipient.label,
      categories: [...input.categories],
      groundCode: input.groundCode!,
      groundCatalogueVersion: ctx.disclosureGrounds.version,
      provisionText: input.provisionText.trim() || null,
      consentIds: input.groundCode === 'consent' ? consentIds : [],
      assessmentEnc: input.assessmentNote.trim()
        ? encryptField(ctx.keys, disclosureContext.assessment, input.assessmentNote.trim())
        : null,
      contentEnc: input.content.trim()
        ? encryptField(ctx.keys, disclosureContext.content, input.content.trim())
        : null,
      decidedBy: ctx.actor.userId,
      decidedAt: now,
      sharesCase: input.shareCase,
      shareEndsAt: input.shareCase ? new Date(now.getTime() + input.shareDays * 86_400_000) : null,
      shareEndedAt: null,
    });
    await auditPersonEvent(ctx, tx, {
      type: 'disclosure.recorded',
      personId: record.personId,
      reason: decision.reason,
      details: {
        caseId,
        disclosureId: id,
        ground: input.groundCode,
        recipientKind: input.recipientKind,
        sharesCase: input.shareCase,
      },
    });
    return { id };
  });

/** The disclosures made from a case: the record of what left its secrecy area, and why. */
export const readDisclosures = (ctx: CommandContext, caseId: string) =>
  runAudited(ctx, async (tx) => {
    const { record, decision } = await loadCaseFor(ctx, tx, caseId, 'case.read', {
      audit: 'disclosure.read',
      reads: 'notShared',
    });
    const rows = await listDisclosuresFromCase(tx, caseId);
    await auditPersonEvent(ctx, tx, {
      type: 'disclosure.read',
      personId: record.personId,
      reason: decision.reason,
      breakGlassId: decision.breakGlassId,
      details: { caseId, count: rows.length },
    });
    return rows.map((row) => presentDisclosure(row, ctx.keys, ctx.now()));
  });

/** Cases other secrecy areas have shared with the actor's units, open for reading now. */
export const casesSharedWithMe = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const unitIds = ctx.actor.roles.map((grant) => grant.unitId);
    const ids = await listCaseIdsSharedWith(tx, unitIds, ctx.now());
    const viewer = { actor: ctx.actor, keys: ctx.keys, now: ctx.now() };
    const rows = await findCases(
      tx,
      ids.flatMap((row) => (row.caseId ? [row.caseId] : [])),
    );
    const visible = [];
    for (const row of rows) {
      const decision = can(ctx.actor, 'case.read', caseResource(row), ctx.now());
      if (!decision.allowed) continue;
      // Each shared case shown is a read across a secrecy area: logged on its person, with why.
      await auditPersonEvent(ctx, tx, {
        type: 'case.listed',
        personId: row.personId,
        reason: decision.reason,
        details: { caseId: row.id, list: 'sharedWithMe' },
      });
      visible.push(presentCaseSummary(row, viewer));
    }
    return visible;
  });
