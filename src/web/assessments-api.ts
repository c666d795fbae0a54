import type { RiskPicture } from '../contract/risk';
import type { AssessmentContent, RiskLevel } from '../domain/risk/assessment';
import type { InstrumentDefinition } from '../domain/risk/instrument';

/** The shapes the assessment routes return, inferred from their response schemas (src/contract). */
export type {
  Assessment,
  AssessmentSummary,
  InstrumentSummary,
  RiskPicture,
  StartedAssessment,
} from '../contract/risk';

export type Text = { sv: string; en: string };

export type Presence = NonNullable<RiskPicture['picture']['rows'][number]['cells'][number]>;

export type { AssessmentContent, InstrumentDefinition, RiskLevel };

export const inLanguage = (text: Text, language: string) => (language === 'en' ? text.en : text.sv);
