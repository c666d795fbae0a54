import { checkAnswer, type AnswerInput } from '../../../domain/mapping/answers';
import { checkSession, checkThemes, type SessionDraft } from '../../../domain/mapping/sessions';
import { itemsOf, type MappingTemplate } from '../../../domain/mapping/template';
import { checkPeriod } from '../../../domain/indicators/period';
import { swedishDate } from '../../../domain/calendar';
import { DomainError, invalidFields, ruleViolation, staleVersion } from '../../../domain/errors';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { countyReport, municipalityReport } from './mapping-report';
import { renderPdf } from '../../platform/documents/pdf';
import {
  countyMunicipalities,
  findMunicipality,
  findRound,
  findRoundByName,
  findSessionAnswers,
  insertAnswer,
  insertMunicipalities,
  insertRound,
  insertSession,
  listAnsweredItemIds,
  listRoundRows,
  publishedFigures,
  roundSnapshot,
  updateSessionAnswersIfVersion,
  upsertAnswer,
} from './mapping.repository';
import { requireCountyBoard } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

type Details = Record<string, string | number | boolean | null>;
const audit = (
  ctx: CommandContext,
  tx: Tx,
  type: Parameters<typeof auditOrganisationEvent>[2]['type'],
  details: Details,
) => auditOrganisationEvent(ctx, tx, { type, reason: 'mapping.conduct', details });

/** Mapping rounds are the county board's own: a municipality or a police region has none. */
const countyBoardOf = (ctx: CommandContext, tx: Tx) =>
  requireCountyBoard(ctx, tx, {
    reason: 'mapping.not_a_county_board',
    message: 'Kartläggningar görs av länsstyrelsen eller kommunförbundet i länet.',
  });

const templateOf = (ctx: CommandContext, templateId: string): MappingTemplate => {
  const template = ctx.mapping.templates.find((entry) => entry.id === templateId);
  if (!template)
    throw invalidFields([{ field: 'templateId', message: 'Välj en mall.', code: 'notAnId' }]);
  return template;
};

/** The county's municipalities that run Fristad, to choose from when a round starts. */
export const mappingCandidates = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    const board = await countyBoardOf(ctx, tx);
    return countyMunicipalities(tx, board.countyCode);
  });

export const listRounds = (ctx: CommandContext) =>
  runAudited(ctx, async (tx) => {
    await countyBoardOf(ctx, tx);
    const rounds = await listRoundRows(tx);
    return rounds.map((round) => ({ ...round, createdAt: round.createdAt.toISOString() }));
  });

export type RoundDraft = {
  name: string;
  templateId: string;
  strategyPeriod: string;
  periodFrom: string;
  periodTo: string;
  municipalities: { name: string; scbCode: string | null; organisationId: string | null }[];
};

/** Starts a round: a template, the period its figures cover, and the municipalities taking part. */
export const createRound = (ctx: CommandContext, draft: RoundDraft) =>
  runAudited(ctx, async (tx) => {
    const board = await countyBoardOf(ctx, tx);
    const template = templateOf(ctx, draft.templateId);
    const problems = checkPeriod({ from: draft.periodFrom, to: draft.periodTo }).map((problem) => ({
      ...problem,
      field: problem.field === 'to' ? 'periodTo' : problem.field,
    }));
    const names = draft.municipalities.map((municipality) => municipality.name.trim());
    if (names.length === 0 || names.some((name) => name.length < 2))
      problems.push({
        field: 'municipalities',
        message: 'Ange kommunerna som är med.',
        code: 'required',
      });
    if (new Set(names).size !== names.length)
      problems.push({
        field: 'municipalities',
        message: 'En kommun kan bara vara med en gång.',
        code: 'listedTwice',
      });
    if (problems.length) throw invalidFields(problems);
    // Only the county's own Fristad municipalities can be linked for pre-filling.
    const candidates = await countyMunicipalities(tx, board.countyCode);
    for (const municipality of draft.municipalities)
      if (
        municipality.organisationId &&
        !candidates.some((candidate) => candidate.id === municipality.organisationId)
      )
        throw invalidFields([
          {
            field: 'municipalities',
            message: 'Kommunen finns inte i länets katalog.',
            code: 'notAnId',
          },
        ]);
    const existing = await findRoundByName(tx, draft.name.trim());
    if (existing)
      throw invalidFields([
        {
          field: 'name',
          message: 'Det finns redan en kartläggning med det namnet.',
          code: 'alreadyInUse',
        },
      ]);
    const round = await insertRound(tx, {
      organisationId: board.id,
      name: draft.name.trim(),
      templateId: template.id,
      templateVersion: ctx.mapping.version,
      strategyPeriod: draft.strategyPeriod.trim(),
      periodFrom: draft.periodFrom,
      periodTo: draft.periodTo,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await insertMunicipalities(
      tx,
      draft.municipalities.map((municipality) => ({
        organisationId: board.id,
        roundId: round.id,
        name: municipality.name.trim(),
        scbCode:
          municipality.scbCode ??
          candidates.find((candidate) => candidate.id === municipality.organisationId)?.scbCode ??
          null,
        fristadOrganisationId: municipality.organisationId,
      })),
    );
    await audit(ctx, tx, 'mapping.round_created', { roundId: round.id, template: template.id });
    return { id: round.id };
  });

export const readRound = (ctx: CommandContext, roundId: string) =>
  runAudited(ctx, async (tx) => {
    await countyBoardOf(ctx, tx);
    const snapshot = await roundSnapshot(tx, ctx.mapping, roundId);
    await audit(ctx, tx, 'mapping.read', { roundId });
    return snapshot;
  });

/** Saves one answer; "unknown" and "no data" are answers too, never a zero. */
export const saveAnswer = (
  ctx: CommandContext,
  roundId: string,
  input: AnswerInput & { municipalityId: string; itemId: string },
) =>
  runAudited(ctx, async (tx) => {
    await countyBoardOf(ctx, tx);
    const round = await findRound(tx, roundId);
    await findMunicipality(tx, roundId, input.municipalityId);
    const item = itemsOf(templateOf(ctx, round.templateId)).find(
      (candidate) => candidate.id === input.itemId,
    );
    if (!item)
      throw invalidFields([
        { field: 'itemId', message: 'Frågan finns inte i mallen.', code: 'notAnId' },
      ]);
    const problems = checkAnswer(item, input);
    if (problems.length) throw invalidFields(problems);
    const values = {
      status: input.status,
      value: input.status === 'answered' ? JSON.stringify(input.value) : null,
      source: input.status === 'answered' ? input.source : null,
      answeredBy: ctx.actor.userId,
      answeredAt: ctx.now(),
    };
    await upsertAnswer(
      tx,
      {
        organisationId: ctx.actor.organisationId,
        roundId,
        municipalityId: input.municipalityId,
        itemId: item.id,
      },
      values,
    );
    await audit(ctx, tx, 'mapping.answer_saved', { roundId, itemId: item.id });
    return { itemId: item.id, status: input.status };
  });

/**
 * Fills the number items a municipality has not answered from the figures it published for
 * the period, marked as coming from Fristad. A withheld figure fills nothing: the analyst asks.
 */
export const prefillAnswers = (ctx: CommandContext, roundId: string, municipalityId: string) =>
  runAudited(ctx, async (tx) => {
    await countyBoardOf(ctx, tx);
    const round = await findRound(tx, roundId);
    const municipality = await findMunicipality(tx, roundId, municipalityId);
    if (!municipality.fristadOrganisationId)
      throw ruleViolation(
        'mapping.no_fristad',
        'Kommunen använder inte Fristad, så det finns inga nyckeltal att fylla i från.',
      );
    const figures = (await publishedFigures(tx, round, [municipality.fristadOrganisationId])).get(
      municipality.fristadOrganisationId,
    );
    if (!figures)
      throw ruleViolation(
        'mapping.not_published',
        `Kommunen har inte lämnat nyckeltal för perioden ${round.periodFrom} – ${round.periodTo}. Be kommunens samordnare lämna dem under Nyckeltal.`,
      );
    const answered = new Set(
      (await listAnsweredItemIds(tx, municipalityId)).map((row) => row.itemId),
    );
    const filled: string[] = [];
    for (const item of itemsOf(templateOf(ctx, round.templateId))) {
      if (item.answer.kind !== 'number' || !item.prefill || answered.has(item.id)) continue;
      const figure = figures.find((candidate) => candidate.id === item.prefill);
      if (!figure || figure.suppressed) continue;
      await insertAnswer(tx, {
        organisationId: ctx.actor.organisationId,
        roundId,
        municipalityId,
        itemId: item.id,
        status: 'answered',
        value: JSON.stringify(figure.count),
        source: 'fristad',
        answeredBy: ctx.actor.userId,
        answeredAt: ctx.now(),
      });
      filled.push(item.id);
    }
    await audit(ctx, tx, 'mapping.answer_saved', { roundId, prefilled: filled.length });
    return { filled };
  });

/** Records an interview occasion with its participants by role, the rating and the open answers. */
export const recordSession = (
  ctx: CommandContext,
  roundId: string,
  draft: SessionDraft & { municipalityId: string },
) =>
  runAudited(ctx, async (tx) => {
    await countyBoardOf(ctx, tx);
    await findRound(tx, roundId);
    await findMunicipality(tx, roundId, draft.municipalityId);
    const problems = checkSession(draft, ctx.mapping.participantRoles, swedishDate(ctx.now()));
    if (problems.length) throw invalidFields(problems);
    const { id } = await insertSession(tx, {
      organisationId: ctx.actor.organisationId,
      roundId,
      municipalityId: draft.municipalityId,
      label: draft.label.trim(),
      heldOn: draft.heldOn,
      mode: draft.mode,
      participants: JSON.stringify(draft.participants),
      scale: draft.scale,
      openAnswers: JSON.stringify(
        draft.openAnswers.map((answer) => ({ ...answer, text: answer.text.trim(), themes: [] })),
      ),
      recordedBy: ctx.actor.userId,
      recordedAt: ctx.now(),
    });
    await audit(ctx, tx, 'mapping.session_recorded', { roundId, sessionId: id });
    return { id };
  });

/** Codes one open answer of a session with the county's themes. */
export const codeAnswer = (
  ctx: CommandContext,
  sessionId: string,
  input: { answerIndex: number; themes: string[]; version: number },
) =>
  runAudited(ctx, async (tx) => {
    await countyBoardOf(ctx, tx);
    const session = await findSessionAnswers(tx, sessionId);
    if (!session) throw new DomainError('not_found', { message: 'Tillfället finns inte.' });
    const answer = session.openAnswers[input.answerIndex];
    if (!answer)
      throw invalidFields([
        { field: 'answerIndex', message: 'Svaret finns inte.', code: 'notAnId' },
      ]);
    if (!checkThemes(input.themes, ctx.mapping.themes))
      throw invalidFields([
        { field: 'themes', message: 'Välj bland länets teman.', code: 'notAChoice' },
      ]);
    const openAnswers = session.openAnswers.map((entry, index) =>
      index === input.answerIndex ? { ...entry, themes: input.themes } : entry,
    );
    const updated = await updateSessionAnswersIfVersion(
      tx,
      sessionId,
      input.version,
      JSON.stringify(openAnswers),
    );
    if (!updated)
      throw staleVersion('Någon annan har kodat svaren under tiden. Ladda om och försök igen.');
    await audit(ctx, tx, 'mapping.coded', { roundId: session.roundId, sessionId });
    return { version: updated.version };
  });

/** A municipality's report, or the county synthesis when no municipality is named (PDF). */
export const printMappingReport = (
  ctx: CommandContext,
  roundId: string,
  municipalityId: string | null,
  language: 'sv' | 'en',
) =>
  runAudited(ctx, async (tx) => {
    await countyBoardOf(ctx, tx);
    const snapshot = await roundSnapshot(tx, ctx.mapping, roundId);
    if (municipalityId && !snapshot.municipalities.some((entry) => entry.id === municipalityId))
      throw invalidFields([
        { field: 'municipalityId', message: 'Välj en kommun i kartläggningen.', code: 'notAnId' },
      ]);
    await audit(ctx, tx, 'mapping.report_printed', {
      roundId,
      report: municipalityId ? 'municipality' : 'county',
    });
    const now = ctx.now();
    return renderPdf(
      municipalityId
        ? municipalityReport(
            ctx.mapping,
            snapshot,
            municipalityId,
            language,
            now,
            ctx.indicators.suppressBelow,
          )
        : countyReport(ctx.mapping, snapshot, language, now, ctx.indicators.suppressBelow),
    );
  });
