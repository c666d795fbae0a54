export type Text = { sv: string; en: string };
export type Option = { code: string; sv: string; en: string };
export type Item = {
  id: string;
  text: Text;
  answer:
    | { kind: 'number' }
    | { kind: 'yesNoPartial' }
    | { kind: 'multi'; options: Option[] }
    | { kind: 'text' };
  prefill?: string;
  askSource: boolean;
};
export type Template = {
  id: string;
  name: Text;
  source: string;
  sections: { id: string; title: Text; items: Item[] }[];
  scale?: { question: Text; min: 0; max: 10; high: Text; low: Text };
  openQuestions?: { id: 'works' | 'next' | 'countySupport'; text: Text; reportHeading: Text }[];
};
export type MappingCatalogue = {
  version: string;
  participantRoles: Option[];
  themes: Option[];
  templates: Template[];
};
export type RoundSummary = {
  id: string;
  name: string;
  templateId: string;
  strategyPeriod: string;
  periodFrom: string;
  periodTo: string;
};
export type Answer = {
  municipalityId: string;
  itemId: string;
  status: 'answered' | 'unknown' | 'noData';
  value: unknown;
  source: string | null;
  answeredAt: string;
};
export type Session = {
  id: string;
  municipalityId: string;
  label: string;
  heldOn: string;
  mode: string;
  participants: { role: string; count: number }[];
  scale: number | null;
  openAnswers: { question: string; text: string; themes: string[] }[];
  version: number;
};
export type Round = {
  round: RoundSummary;
  template: Template;
  municipalities: {
    id: string;
    name: string;
    scbCode: string | null;
    runsFristad: boolean;
    published: { id: string; count: number | null; suppressed?: boolean }[] | null;
  }[];
  sessions: Session[];
  answers: Answer[];
  comparison: {
    scale: {
      municipalityId: string;
      name: string;
      ratings: { label: string; scale: number }[];
      mean: number | null;
    }[];
    themes: { themes: { theme: string; answers: unknown[] }[]; uncoded: number };
    trend: {
      rounds: { roundId: string; name: string }[];
      municipalities: { name: string; means: (number | null)[] }[];
    };
  };
};

export const inLanguage = (text: Text, language: string) => (language === 'en' ? text.en : text.sv);
