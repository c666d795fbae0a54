import {
  caseTypes,
  detectionSources,
  perpetratorRelations,
  violenceForms,
  type CatalogueEntry,
} from '../domain/cases/catalogues';
import { stageLabelsEn, stageLabelsSv, type Stage } from '../domain/cases/stages';

/** Catalogue labels in the chosen language, straight from the domain's data. */
export const catalogueLabel = (
  list: readonly CatalogueEntry[],
  code: string | null,
  language: string,
): string => {
  const entry = list.find((candidate) => candidate.code === code);
  if (!entry) return code ?? '–';
  return language === 'en' ? entry.en : entry.sv;
};

export const stageLabel = (stage: Stage, language: string) =>
  language === 'en' ? stageLabelsEn[stage] : stageLabelsSv[stage];

export { caseEventKinds, eventSources } from '../domain/cases/events';
export { taskKinds } from '../domain/cases/tasks';
export { caseTypes, detectionSources, perpetratorRelations, violenceForms };
