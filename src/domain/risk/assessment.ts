import type { CodedFieldIssue } from '../field-issues';
import type { DefinitionError, InstrumentDefinition, InstrumentItem, Scale } from './instrument';
import { informationSources } from './instrument';

/**
 * The assessment engine: what an answer may be, how complete an assessment is, its score, and
 * whether it may be signed. Pure functions over a definition and the content, no IO.
 *
 * The score (where an instrument has one) and the assessor's judgement are separate on purpose:
 * nothing here derives a judgement from a score (digest 000: FREDA felt "mechanical").
 */
export type InformationSource = (typeof informationSources)[number];

export type ItemAnswer = {
  /** The rating now (an option code, or a number on a number scale). */
  value: string | number | null;
  /** The earlier rating, for items rated now and earlier. */
  past?: string | number | null;
  /** What the rating rests on, in the assessor's words (stored encrypted). */
  evidence?: string | null;
  source?: InformationSource | null;
};

export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export type AssessmentContent = {
  answers: Record<string, ItemAnswer>;
  judgements: Record<string, string | null>;
  scenarios: { description: string; level: string | null }[];
  victimAppraisal: { level: string | null; words: string | null } | null;
  /** The assessor's own conclusion and why; never computed. */
  finalJudgement: { level: RiskLevel | null; reasons: string | null };
};

export const emptyContent = (): AssessmentContent => ({
  answers: {},
  judgements: {},
  scenarios: [],
  victimAppraisal: null,
  finalJudgement: { level: null, reasons: null },
});

export const itemsOf = (definition: InstrumentDefinition): InstrumentItem[] =>
  definition.sections.flatMap((section) => section.items);

const scaleOf = (definition: InstrumentDefinition, name: string): Scale => {
  const scale = definition.scales[name];
  if (!scale) throw new Error(`scale ${name} missing in a validated definition`);
  return scale;
};

const describeScale = (scale: Scale, language: 'sv' | 'en' = 'sv') =>
  scale.kind === 'choice'
    ? scale.options.map((option) => option.label[language]).join(', ')
    : `${scale.min}–${scale.max}`;

/** What is wrong with a part of an assessment's content: where, in plain Swedish, and its code. */
export type ContentProblem = DefinitionError & Pick<CodedFieldIssue, 'code' | 'limit'>;

type ValueProblem = Omit<ContentProblem, 'path'>;

/** Null when the value fits the scale; otherwise a message saying what fits. */
export const checkValue = (scale: Scale, value: string | number): ValueProblem | null => {
  if (scale.kind === 'choice')
    return typeof value === 'string' && scale.options.some((option) => option.code === value)
      ? null
      : {
          message: `Svaret finns inte på skalan. Välj ett av: ${describeScale(scale)}.`,
          code: 'notAChoice',
        };
  if (typeof value !== 'number' || !Number.isFinite(value))
    return { message: `Ange ett tal mellan ${scale.min} och ${scale.max}.`, code: 'wrongType' };
  if (value < scale.min || value > scale.max)
    return {
      message: `Talet ska vara mellan ${scale.min} och ${scale.max}.`,
      ...(value < scale.min
        ? { code: 'tooSmall', limit: scale.min }
        : { code: 'tooLarge', limit: scale.max }),
    };
  if (scale.integer && !Number.isInteger(value))
    return { message: 'Ange ett heltal.', code: 'notAWholeNumber' };
  return null;
};

const isUnknown = (scale: Scale, value: string | number | null | undefined) =>
  scale.kind === 'choice' &&
  scale.options.some((option) => option.code === value && option.unknown);

/**
 * Every answer and judgement must fit its scale and belong to the instrument. A draft may be
 * incomplete, but never hold a value the instrument does not have.
 */
export const checkContent = (
  definition: InstrumentDefinition,
  content: AssessmentContent,
): ContentProblem[] => {
  const errors: ContentProblem[] = [];
  const items = new Map(itemsOf(definition).map((item) => [item.id, item]));
  for (const [itemId, answer] of Object.entries(content.answers)) {
    const item = items.get(itemId);
    const path = `answers.${itemId}`;
    if (!item) {
      errors.push({ path, message: 'Frågan finns inte i instrumentet.', code: 'unknownField' });
      continue;
    }
    const scale = scaleOf(definition, item.scale);
    if (answer.value !== null) {
      const problem = checkValue(scale, answer.value);
      if (problem) errors.push({ path: `${path}.value`, ...problem });
    }
    if (answer.past !== undefined && answer.past !== null) {
      if (!item.currentAndPast)
        errors.push({
          path: `${path}.past`,
          message: 'Frågan bedöms inte för tidigare.',
          code: 'unknownField',
        });
      else {
        const problem = checkValue(scale, answer.past);
        if (problem) errors.push({ path: `${path}.past`, ...problem });
      }
    }
    if (answer.source && !(informationSources as readonly string[]).includes(answer.source))
      errors.push({
        path: `${path}.source`,
        message: 'Okänd informationskälla.',
        code: 'notAChoice',
      });
  }
  const judgements = new Map(definition.judgements.map((judgement) => [judgement.id, judgement]));
  for (const [judgementId, value] of Object.entries(content.judgements)) {
    const judgement = judgements.get(judgementId);
    const path = `judgements.${judgementId}`;
    if (!judgement)
      errors.push({
        path,
        message: 'Bedömningen finns inte i instrumentet.',
        code: 'unknownField',
      });
    else if (value !== null) {
      const problem = checkValue(scaleOf(definition, judgement.scale), value);
      if (problem) errors.push({ path, ...problem });
    }
  }
  content.scenarios.forEach((scenario, index) => {
    if (!definition.scenarios)
      errors.push({
        path: `scenarios[${index}]`,
        message: 'Instrumentet har inga scenarier.',
        code: 'unknownField',
      });
    else if (scenario.level !== null) {
      const problem = checkValue(
        scaleOf(definition, definition.scenarios.levelScale),
        scenario.level,
      );
      if (problem) errors.push({ path: `scenarios[${index}].level`, ...problem });
    }
  });
  if (content.victimAppraisal) {
    if (!definition.victimAppraisal)
      errors.push({
        path: 'victimAppraisal',
        message: 'Instrumentet frågar inte efter den utsattas egen bedömning.',
        code: 'unknownField',
      });
    else if (content.victimAppraisal.level !== null) {
      const problem = checkValue(
        scaleOf(definition, definition.victimAppraisal.scale),
        content.victimAppraisal.level,
      );
      if (problem) errors.push({ path: 'victimAppraisal.level', ...problem });
    }
  }
  return errors;
};

export type Completeness = {
  items: number;
  answered: number;
  /** Items answered "unknown / insufficient information": listed before signing. */
  unknown: string[];
  /** Items not answered at all. */
  missing: string[];
  /** Share of items with a known answer, 0–1 (1 for an instrument without items). */
  share: number;
};

export const completeness = (
  definition: InstrumentDefinition,
  content: AssessmentContent,
): Completeness => {
  const items = itemsOf(definition);
  const unknown: string[] = [];
  const missing: string[] = [];
  for (const item of items) {
    const value = content.answers[item.id]?.value;
    if (value === undefined || value === null) missing.push(item.id);
    else if (isUnknown(scaleOf(definition, item.scale), value)) unknown.push(item.id);
  }
  const known = items.length - unknown.length - missing.length;
  return {
    items: items.length,
    answered: items.length - missing.length,
    unknown,
    missing,
    share: items.length === 0 ? 1 : known / items.length,
  };
};

/** The instrument's score, or null where it has none. Unknown and missing answers add nothing. */
export const scoreOf = (
  definition: InstrumentDefinition,
  content: AssessmentContent,
): number | null => {
  if (!definition.score) return null;
  let sum = 0;
  for (const item of itemsOf(definition)) {
    const scale = scaleOf(definition, item.scale);
    const value = content.answers[item.id]?.value;
    if (scale.kind !== 'choice') continue;
    sum += scale.options.find((option) => option.code === value)?.points ?? 0;
  }
  return sum;
};

const minimumReasons = 20;

/**
 * What stops signing: required items without an answer (an explicit "unknown" is an answer),
 * required judgements left empty, too few scenarios, and the assessor's own level and reasons.
 */
export const signingProblems = (
  definition: InstrumentDefinition,
  content: AssessmentContent,
): ContentProblem[] => {
  const problems = checkContent(definition, content);
  for (const item of itemsOf(definition)) {
    const answer = content.answers[item.id];
    if (item.required && (answer?.value === undefined || answer.value === null))
      problems.push({
        path: `answers.${item.id}`,
        message: `Besvara: ${item.label.sv}.`,
        code: 'required',
      });
  }
  for (const judgement of definition.judgements) {
    const value = content.judgements[judgement.id];
    if (judgement.required && (value === undefined || value === null))
      problems.push({
        path: `judgements.${judgement.id}`,
        message: `Gör bedömningen: ${judgement.label.sv}.`,
        code: 'required',
      });
  }
  if (definition.scenarios) {
    const rated = content.scenarios.filter(
      (scenario) => scenario.description.trim() && scenario.level !== null,
    );
    if (rated.length < definition.scenarios.min)
      problems.push({
        path: 'scenarios',
        message: `Beskriv och bedöm minst ${definition.scenarios.min} scenario.`,
        code: 'tooFew',
        limit: definition.scenarios.min,
      });
  }
  if (!content.finalJudgement.level)
    problems.push({
      path: 'finalJudgement.level',
      message: 'Ange din samlade bedömning av risken.',
      code: 'required',
    });
  if ((content.finalJudgement.reasons?.trim().length ?? 0) < minimumReasons)
    problems.push({
      path: 'finalJudgement.reasons',
      message: `Skriv skälen för din bedömning (minst ${minimumReasons} tecken).`,
      code: 'tooShort',
      limit: minimumReasons,
    });
  return problems;
};

export type Presence = 'present' | 'partly' | 'absent' | 'unknown';
const strength: Record<Presence, number> = { unknown: 0, absent: 1, partly: 2, present: 3 };

/**
 * What the assessment says about each shared factor: the strongest known answer among the items
 * mapped to it (a factor any item finds present is present). Factors no item answered are absent
 * from the map, so "not asked" is never shown as "not present".
 */
export const factorFindings = (
  definition: InstrumentDefinition,
  content: AssessmentContent,
): Map<string, Presence> => {
  const findings = new Map<string, Presence>();
  for (const item of itemsOf(definition)) {
    const scale = scaleOf(definition, item.scale);
    const value = content.answers[item.id]?.value;
    if (scale.kind !== 'choice' || value === undefined || value === null) continue;
    const presence = scale.options.find((option) => option.code === value)?.presence;
    if (!presence) continue;
    for (const factor of item.factors) {
      const earlier = findings.get(factor);
      if (!earlier || strength[presence] > strength[earlier]) findings.set(factor, presence);
    }
  }
  return findings;
};
