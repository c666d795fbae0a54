import { InvalidDefinitionError } from '../../../domain/risk/catalogue';
import type { FactorVocabulary } from '../../../domain/risk/factors';
import {
  checklistCatalogueSchema,
  type ChecklistCatalogue,
} from '../../../domain/risk-management/checklists';
import {
  measureCatalogueSchema,
  type MeasureCatalogue,
} from '../../../domain/risk-management/measures';
import {
  checkRules,
  suggestionRulesSchema,
  type SuggestionRules,
} from '../../../domain/risk-management/suggestions';
import { cataloguesDir, readCatalogue } from './read-catalogue';

export type RiskManagementCatalogues = {
  measures: MeasureCatalogue;
  rules: SuggestionRules;
  checklists: ChecklistCatalogue;
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
