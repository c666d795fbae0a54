import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { InvalidDefinitionError } from '../../domain/risk/catalogue';
import type { FactorVocabulary } from '../../domain/risk/factors';
import {
  checklistCatalogueSchema,
  type ChecklistCatalogue,
} from '../../domain/risk-management/checklists';
import {
  measureCatalogueSchema,
  type MeasureCatalogue,
} from '../../domain/risk-management/measures';
import {
  checkRules,
  suggestionRulesSchema,
  type SuggestionRules,
} from '../../domain/risk-management/suggestions';

/** catalogues/ at the repository root, next to src/. */
export const cataloguesDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../catalogues',
);

export type RiskManagementCatalogues = {
  measures: MeasureCatalogue;
  rules: SuggestionRules;
  checklists: ChecklistCatalogue;
};

/** Reads one catalogue file and validates it; a broken file stops the start with its paths. */
export const readCatalogue = <T>(dir: string, file: string, schema: z.ZodType<T>): T => {
  const parsed = schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  if (!parsed.success)
    throw new InvalidDefinitionError(
      file,
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  return parsed.data;
};

/**
 * Reads and validates the measure catalogue, the suggestion rules and the checklists; a rule
 * naming a measure or factor that does not exist stops the start with its path.
 */
export const loadRiskManagementCatalogues = (
  factors: FactorVocabulary,
  dir = cataloguesDir,
): RiskManagementCatalogues => {
  const measures = readCatalogue(dir, 'measures.json', measureCatalogueSchema);
  const rules = readCatalogue(dir, 'suggestion-rules.json', suggestionRulesSchema);
  const errors = checkRules(rules, measures, new Set(factors.factors.map((factor) => factor.code)));
  if (errors.length) throw new InvalidDefinitionError('suggestion-rules.json', errors);
  return {
    measures,
    rules,
    checklists: readCatalogue(dir, 'checklists.json', checklistCatalogueSchema),
  };
};
