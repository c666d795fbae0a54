import { z } from 'zod';
import type { Presence, RiskLevel } from '../risk/assessment';
import { riskLevels } from '../risk/assessment';
import type { Measure, MeasureCatalogue } from './measures';

/**
 * Suggestion rules (catalogues/suggestion-rules.json): from the risk level and the factors found
 * present in the common risk picture to measures, each with the reason it is suggested. The
 * worker decides; a rule only makes sure the obvious is not forgotten (digest 000: the bridge
 * from assessment to management is the missing link).
 */
const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

export const suggestionRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
    when: z
      .object({
        /** The assessor's overall level is at least this. */
        minLevel: z.enum(riskLevels).optional(),
        /** …and at most this. */
        maxLevel: z.enum(riskLevels).optional(),
        /** At least one of these factors is present or partly present. */
        factorsAny: z.array(z.string()).min(1).optional(),
      })
      .strict()
      .refine((when) => Object.keys(when).length > 0, 'a rule needs at least one condition'),
    suggest: z.array(z.string()).min(1),
    because: text,
  })
  .strict();

export const suggestionRulesSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    rules: z.array(suggestionRuleSchema).min(1),
  })
  .strict();

export type SuggestionRule = z.infer<typeof suggestionRuleSchema>;
export type SuggestionRules = z.infer<typeof suggestionRulesSchema>;

/** Rules may only name measures in the catalogue and factors in the shared vocabulary. */
export const checkRules = (
  rules: SuggestionRules,
  catalogue: MeasureCatalogue,
  factors: ReadonlySet<string>,
): { path: string; message: string }[] => {
  const measures = new Set(catalogue.measures.map((measure) => measure.code));
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  rules.rules.forEach((rule, index) => {
    if (seen.has(rule.id))
      errors.push({ path: `rules[${index}].id`, message: `duplicate rule "${rule.id}"` });
    seen.add(rule.id);
    rule.suggest.forEach((code, at) => {
      if (!measures.has(code))
        errors.push({
          path: `rules[${index}].suggest[${at}]`,
          message: `unknown measure "${code}"`,
        });
    });
    rule.when.factorsAny?.forEach((factor, at) => {
      if (!factors.has(factor))
        errors.push({
          path: `rules[${index}].when.factorsAny[${at}]`,
          message: `unknown factor "${factor}"`,
        });
    });
  });
  return errors;
};

const rank: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

export type RiskInput = { level: RiskLevel; findings: ReadonlyMap<string, Presence> };

export type Suggestion = {
  measure: Measure;
  reasons: { ruleId: string; because: { sv: string; en: string } }[];
};

const fires = (rule: SuggestionRule, input: RiskInput): boolean => {
  const { minLevel, maxLevel, factorsAny } = rule.when;
  if (minLevel && rank[input.level] < rank[minLevel]) return false;
  if (maxLevel && rank[input.level] > rank[maxLevel]) return false;
  if (
    factorsAny &&
    !factorsAny.some((factor) => ['present', 'partly'].includes(input.findings.get(factor) ?? ''))
  )
    return false;
  return true;
};

/**
 * The measures the rules suggest for a signed assessment, each with every reason that led to it,
 * in catalogue order. Measures already in the plan are left out.
 */
export const suggestMeasures = (
  rules: SuggestionRules,
  catalogue: MeasureCatalogue,
  input: RiskInput,
  alreadyPlanned: ReadonlySet<string> = new Set(),
): Suggestion[] => {
  const reasons = new Map<string, Suggestion['reasons']>();
  for (const rule of rules.rules) {
    if (!fires(rule, input)) continue;
    for (const code of rule.suggest) {
      if (alreadyPlanned.has(code)) continue;
      reasons.set(code, [...(reasons.get(code) ?? []), { ruleId: rule.id, because: rule.because }]);
    }
  }
  return catalogue.measures
    .filter((measure) => reasons.has(measure.code))
    .map((measure) => ({ measure, reasons: reasons.get(measure.code)! }));
};

export type ProvisionWarning = {
  code: 'underProvision' | 'overProvision';
  message: { sv: string; en: string };
};

/**
 * Under-provision: high risk and no protective measure under way. Over-provision: low risk and a
 * far-reaching measure (in low-risk cases intensive intervention has been linked to more, not
 * less, repeat violence; Belfrage et al. 2012).
 */
export const provisionWarnings = (
  level: RiskLevel,
  planned: readonly Pick<Measure, 'protective' | 'intensive'>[],
): ProvisionWarning[] => {
  const warnings: ProvisionWarning[] = [];
  if (level === 'high' && !planned.some((measure) => measure.protective))
    warnings.push({
      code: 'underProvision',
      message: {
        sv: 'Risken är bedömd som hög men planen har ingen skyddsåtgärd. Skydd behövs nu – vänta inte till nästa vardag.',
        en: 'The risk is assessed as high but the plan has no protective measure. Protection is needed now – do not wait for the next working day.',
      },
    });
  if (level === 'low' && planned.some((measure) => measure.intensive))
    warnings.push({
      code: 'overProvision',
      message: {
        sv: 'Risken är bedömd som låg men planen har ingripande åtgärder. Kontrollera att bedömningen och planen hänger ihop.',
        en: 'The risk is assessed as low but the plan has far-reaching measures. Check that the assessment and the plan agree.',
      },
    });
  return warnings;
};
