import { daysBetween } from '../calendar';
import type { FieldProblem } from '../field-issues';

/**
 * Point-prevalence survey (punktprevalensmätning, digest 004: Mjölby 2014, Linköping 2015):
 * for a short period every unit reports how many people it knows of in each category, and the
 * figures are set beside what the records hold. The difference is the dark figure — cases staff
 * know of that never became a case here.
 */
export const prevalenceCategories = [
  'adultVictim',
  'childExposed',
  'perpetrator',
  'honourRelated',
] as const;
export type PrevalenceCategory = (typeof prevalenceCategories)[number];

/** A survey is time-boxed: long enough for every unit to report, short enough to be a "point". */
export const maxSurveyDays = 62;

export type SurveyDraft = { title: string; opensOn: string; closesOn: string };

export const checkSurvey = (draft: SurveyDraft): FieldProblem[] => [
  ...(draft.title.trim().length < 3
    ? [
        {
          field: 'title',
          message: 'Ge mätningen ett namn, till exempel "Mätning hösten 2026".',
          code: 'required' as const,
        },
      ]
    : []),
  ...(draft.closesOn < draft.opensOn
    ? [
        {
          field: 'closesOn',
          message: 'Mätningen måste sluta efter att den börjat.',
          code: 'endBeforeStart' as const,
        },
      ]
    : daysBetween(draft.opensOn, draft.closesOn) > maxSurveyDays
      ? [
          {
            field: 'closesOn',
            message: 'En mätning pågår högst två månader.',
            code: 'periodTooLong' as const,
          },
        ]
      : []),
];

/** Reports are taken while the survey is open, and the week after, for units that were late. */
export const acceptsReports = (survey: { opensOn: string; closesOn: string }, today: string) =>
  today >= survey.opensOn && daysBetween(survey.closesOn, today) <= 7;

export type RecordedCase = {
  unitId: string;
  type: 'adultVictim' | 'childExposed' | 'perpetrator';
  hrv: boolean;
  openedOn: string;
  closedOn: string | null;
};

/** The categories a case counts in: its type, and honour-related violence when marked. */
const categoriesOf = (recorded: RecordedCase): PrevalenceCategory[] => [
  recorded.type,
  ...(recorded.hrv ? (['honourRelated'] as const) : []),
];

/** Open at some time during the survey. */
const openDuring = (recorded: RecordedCase, survey: { opensOn: string; closesOn: string }) =>
  recorded.openedOn <= survey.closesOn &&
  (recorded.closedOn === null || recorded.closedOn >= survey.opensOn);

export type Comparison = {
  unitId: string;
  category: PrevalenceCategory;
  reported: number | null;
  recorded: number;
  /** Known to staff but not in the records; null when the unit has not reported. */
  darkFigure: number | null;
};

/** Each unit and category: what staff reported beside what the records hold for the period. */
export const compareWithRecords = (
  survey: { opensOn: string; closesOn: string },
  units: readonly string[],
  reports: readonly { unitId: string; category: PrevalenceCategory; count: number }[],
  records: readonly RecordedCase[],
): Comparison[] =>
  units.flatMap((unitId) =>
    prevalenceCategories.map((category) => {
      const report = reports.find(
        (entry) => entry.unitId === unitId && entry.category === category,
      );
      const recorded = records.filter(
        (entry) =>
          entry.unitId === unitId &&
          openDuring(entry, survey) &&
          categoriesOf(entry).includes(category),
      ).length;
      return {
        unitId,
        category,
        reported: report?.count ?? null,
        recorded,
        darkFigure: report ? Math.max(0, report.count - recorded) : null,
      };
    }),
  );
