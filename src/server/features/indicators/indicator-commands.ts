import { anonymise, caseLevelRows } from '../../../domain/indicators/case-level';
import type { Period } from '../../../domain/indicators/facts';
import { swedishDate } from '../../../domain/calendar';
import { checkFiguresPeriod, checkPeriod } from '../../../domain/indicators/period';
import type { ReleasedFigure } from '../../../domain/indicators/suppression';
import { invalidFields, ruleViolation } from '../../../domain/errors';
import type { Tx } from '../../platform/db/transaction';
import type { CommandContext } from '../../platform/http/context';
import { organisationFigures, releaseLevels } from './organisation-figures';
import {
  findLatestPublication,
  insertPublication,
  listCountyPublications,
} from './indicator.repository';
import { findUserDisplayName } from '../organisation/user.repository';
import { requireCountyBoard } from '../../platform/runtime/organisation-access';
import { auditOrganisationEvent, runAudited } from '../../platform/runtime/person-access';

const today = (ctx: CommandContext) => swedishDate(ctx.now());

const validPeriod = (period: Period) => {
  const problems = checkPeriod(period);
  if (problems.length) throw invalidFields(problems);
};

/** The organisation's own figures: for a period that has begun, measured until today. */
const computeOwn = (ctx: CommandContext, tx: Tx, period: Period) => {
  const problems = checkFiguresPeriod(period, today(ctx));
  if (problems.length) throw invalidFields(problems);
  return organisationFigures(tx, ctx, ctx.actor.organisationId, period, today(ctx));
};

const audit = (
  ctx: CommandContext,
  tx: Tx,
  type: Parameters<typeof auditOrganisationEvent>[2]['type'],
  period: Period,
  details: Record<string, string | number | boolean | null> = {},
) =>
  auditOrganisationEvent(ctx, tx, {
    type,
    reason: 'statistics.read',
    details: { from: period.from, to: period.to, ...details },
  });

/** The dashboard: exact figures, because they stay inside the organisation. */
export const ownIndicators = (ctx: CommandContext, period: Period) =>
  runAudited(ctx, async (tx) => {
    const { organisation, adults, levels } = await computeOwn(ctx, tx, period);
    const published = await findLatestPublication(tx, organisation.id, period);
    await audit(ctx, tx, 'statistics.computed', period);
    return {
      period,
      catalogueVersion: ctx.indicators.version,
      organisation: { name: organisation.name, kind: organisation.kind, adults },
      mayPublish: organisation.kind === 'municipality' && organisation.countyCode !== null,
      publishedAt: published?.publishedAt.toISOString() ?? null,
      published: published
        ? {
            publishedAt: published.publishedAt.toISOString(),
            catalogueVersion: published.catalogueVersion,
            figures: withDefinitionVersion(published.figures),
          }
        : null,
      levels,
    };
  });

/** The same figures as they may leave the organisation: small counts withheld. */
export const releasedIndicators = (ctx: CommandContext, period: Period, format: string) =>
  runAudited(ctx, async (tx) => {
    const { organisation, levels } = await computeOwn(ctx, tx, period);
    const [whole, ...units] = levels;
    const released = releaseLevels(ctx.indicators, levels);
    await audit(ctx, tx, 'statistics.exported', period, { format });
    return {
      organisation: organisation.name,
      levels: [
        { ...whole!, figures: released.whole },
        ...units.map((unit, index) => ({ ...unit, figures: released.parts[index]! })),
      ],
    };
  });

/** Case rows without identity for external evaluation, k-anonymous with k = the threshold. */
export const anonymisedCaseRows = (ctx: CommandContext, period: Period, format: string) =>
  runAudited(ctx, async (tx) => {
    const { facts } = await computeOwn(ctx, tx, period);
    const rows = anonymise(caseLevelRows(facts.cases, period), ctx.indicators.suppressBelow);
    await audit(ctx, tx, 'statistics.case_level_exported', period, { format, rows: rows.length });
    return rows;
  });

/** Hands the period's figures to the county, withheld where small; a new publication supersedes. */
export const publishIndicators = (ctx: CommandContext, period: Period) =>
  runAudited(ctx, async (tx) => {
    const { organisation, levels } = await computeOwn(ctx, tx, period);
    if (organisation.kind !== 'municipality' || !organisation.countyCode)
      throw ruleViolation(
        'statistics.not_a_municipality',
        'Bara en kommun som hör till ett län lämnar nyckeltal till länet.',
      );
    const publisher = await findUserDisplayName(tx, ctx.actor.userId);
    const now = ctx.now();
    const { id } = await insertPublication(tx, {
      organisationId: organisation.id,
      countyCode: organisation.countyCode,
      periodFrom: period.from,
      periodTo: period.to,
      catalogueVersion: ctx.indicators.version,
      // Released as in the organisation's own exports, so the two read together reveal nothing.
      figures: JSON.stringify(releaseLevels(ctx.indicators, levels).whole),
      publishedBy: ctx.actor.userId,
      publishedByName: publisher.displayName,
      publishedAt: now,
    });
    await audit(ctx, tx, 'statistics.published', period);
    return { id, publishedAt: now.toISOString() };
  });

/**
 * A county board's view: what its municipalities published for the period (the latest of
 * each), and county totals over the figures that were not withheld. A total with withheld
 * parts says how many municipalities it lacks instead of pretending to be complete.
 */
export const countyIndicators = (ctx: CommandContext, period: Period) =>
  runAudited(ctx, async (tx) => {
    validPeriod(period);
    const board = await requireCountyBoard(ctx, tx, {
      reason: 'statistics.not_a_county_board',
      message: 'Länets jämförelse visas för länsstyrelsen eller kommunförbundet i länet.',
    });
    const publications = await listCountyPublications(tx, board.countyCode, period);
    // Oldest first, so each municipality's latest publication is the one the map keeps.
    const municipalities = [
      ...new Map(publications.map((row) => [row.organisationId, row])).values(),
    ].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    await audit(ctx, tx, 'statistics.county_read', period, {
      municipalities: municipalities.length,
    });
    return {
      period,
      county: { name: board.name, code: board.countyCode },
      municipalities: municipalities.map((row) => ({
        organisationId: row.organisationId,
        name: row.name,
        publishedAt: row.publishedAt.toISOString(),
        publishedBy: row.publishedByName,
        figures: withDefinitionVersion(row.figures),
      })),
      totals: countyTotals(
        ctx,
        municipalities.map((row) => withDefinitionVersion(row.figures)),
      ),
    };
  });

/** Figures published before definitions were versioned were computed under the first. */
const withDefinitionVersion = (figures: ReleasedFigure[]): ReleasedFigure[] =>
  figures.map((figure) => ({ ...figure, definitionVersion: figure.definitionVersion ?? 1 }));

/**
 * The county's totals add only figures computed under today's definition: a figure published
 * under an earlier one counts something else, and the total says how many it leaves out.
 */
const countyTotals = (ctx: CommandContext, published: readonly ReleasedFigure[][]) =>
  ctx.indicators.indicators.map((definition) => {
    const all = published.flatMap((figures) =>
      figures.filter((figure) => figure.id === definition.id),
    );
    const figures = all.filter(
      (figure) => figure.definitionVersion === definition.definitionVersion,
    );
    const shown = figures.filter((figure) => !figure.suppressed);
    const count = shown.reduce((sum, figure) => sum + (figure.count ?? 0), 0);
    const base = shown.reduce((sum, figure) => sum + (figure.base ?? 0), 0);
    // Medians of municipalities cannot be combined into the county's median: none is shown.
    const value = {
      per10k: base ? (count / base) * 10_000 : null,
      share: base ? count / base : null,
      count,
      medianDays: null,
    }[definition.measure];
    return {
      id: definition.id,
      definitionVersion: definition.definitionVersion,
      count,
      base: base || null,
      value,
      withheldIn: figures.length - shown.length,
      olderDefinitionIn: all.length - figures.length,
    };
  });
