import type { AssessmentContent, RiskLevel } from '../domain/risk/assessment';
import type { InstrumentDefinition } from '../domain/risk/instrument';

/** The shapes the assessment routes return (see the OpenAPI document at /api/docs). */
export type Text = { sv: string; en: string };

export type InstrumentSummary = {
  id: string;
  name: Text;
  description: Text;
  subjects: ('victim' | 'perpetrator' | 'child')[];
  licence: { note: Text; requiresPermission: boolean; requiresTraining: boolean };
  permitted: boolean;
  trained: boolean;
};

export type AssessmentSummary = {
  id: string;
  instrumentId: string;
  instrumentName: Text;
  subjectRole: string;
  origin: 'own' | 'police';
  status: 'draft' | 'signed';
  finalLevel: RiskLevel | null;
  score: number | null;
  completeness: number;
  assessorName: string;
  createdAt: string;
  signedAt: string | null;
};

export type Assessment = AssessmentSummary & {
  caseId: string;
  mode: 'inPerson' | 'remote' | 'records';
  coAssessorName: string | null;
  content: AssessmentContent;
  measured: {
    items: number;
    answered: number;
    unknown: string[];
    missing: string[];
    share: number;
  };
  signingProblems: { path: string; message: string }[];
  version: number;
  abilities: { edit: boolean; sign: boolean };
  reassessmentDueOn?: string;
};

export type Presence = 'present' | 'partly' | 'absent' | 'unknown';

export type RiskPicture = {
  assessments: AssessmentSummary[];
  picture: {
    columns: {
      assessmentId: string;
      instrumentId: string;
      instrumentName: Text;
      signedAt: string;
      origin: 'own' | 'police';
      finalLevel: RiskLevel | null;
    }[];
    rows: {
      factor: string;
      group: string;
      label: Text;
      cells: (Presence | null)[];
      disagreement: boolean;
    }[];
    groups: { code: string; label: Text }[];
  };
};

export type { AssessmentContent, InstrumentDefinition, RiskLevel };

export const inLanguage = (text: Text, language: string) => (language === 'en' ? text.en : text.sv);
