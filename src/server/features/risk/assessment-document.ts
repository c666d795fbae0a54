import { caseTypes } from '../../../domain/cases/catalogues';
import { swedishDate, swedishDateTime } from '../../../domain/calendar';
import type { AssessmentContent } from '../../../domain/risk/assessment';
import type { InstrumentDefinition, Scale } from '../../../domain/risk/instrument';
import type { PresentedPerson } from '../persons/person.presenter';
import { secrecyCitation } from '../../platform/documents/legal-notice';
import type { DocumentModel, DocumentSection } from '../../platform/documents/pdf';

const words = {
  sv: {
    title: 'Riskbedömning',
    draft: 'UTKAST – inte signerad',
    notice: (secrecy: string) =>
      `Innehåller uppgifter som omfattas av sekretess (${secrecy}). Skyddade personuppgifter är maskerade. Bedömningen gäller vid signeringen; risk förändras – se datum för nästa bedömning i ärendet.`,
    about: 'Om bedömningen',
    person: 'Person',
    number: 'Person-/samordningsnummer',
    caseType: 'Ärende',
    subject: 'Bedömningen gäller',
    subjects: { victim: 'den utsatta', perpetrator: 'den som utövar våld', child: 'barnet' },
    assessor: 'Bedömare',
    coAssessor: 'Medbedömare',
    mode: 'Genomförd',
    modes: { inPerson: 'vid möte', remote: 'på distans', records: 'utifrån handlingar' },
    origin: 'Ursprung',
    origins: { own: 'egen bedömning', police: 'polisens bedömning, mottagen med samtycke' },
    signed: 'Signerad',
    version: 'Instrumentversion',
    completeness: 'Besvarade frågor',
    score: 'Poäng (stöd för samtalet, inte bedömningen)',
    now: 'nu',
    past: 'tidigare',
    evidence: 'underlag',
    unanswered: 'ej besvarad',
    judgements: 'Sammanfattande bedömningar',
    appraisal: 'Den utsattas egen bedömning',
    scenarios: 'Scenarier',
    final: 'Samlad bedömning',
    level: 'Samlad risk',
    reasons: 'Skäl',
    levels: { low: 'Låg', medium: 'Medel', high: 'Hög' },
    printedBy: 'Utskriven av',
    none: '–',
  },
  en: {
    title: 'Risk assessment',
    draft: 'DRAFT – not signed',
    notice: (secrecy: string) =>
      `Contains information covered by secrecy (${secrecy}). Protected personal data is masked. The assessment holds as of signing; risk changes – see the case for the next assessment date.`,
    about: 'About the assessment',
    person: 'Person',
    number: 'Personal identity number',
    caseType: 'Case',
    subject: 'Assessment of',
    subjects: {
      victim: 'the victim',
      perpetrator: 'the person using violence',
      child: 'the child',
    },
    assessor: 'Assessor',
    coAssessor: 'Co-assessor',
    mode: 'Made',
    modes: { inPerson: 'at a meeting', remote: 'remotely', records: 'from records' },
    origin: 'Origin',
    origins: {
      own: 'our own assessment',
      police: "the police's assessment, received with consent",
    },
    signed: 'Signed',
    version: 'Instrument version',
    completeness: 'Questions answered',
    score: 'Score (support for the conversation, not the judgement)',
    now: 'now',
    past: 'earlier',
    evidence: 'evidence',
    unanswered: 'not answered',
    judgements: 'Summary judgements',
    appraisal: "The victim's own appraisal",
    scenarios: 'Scenarios',
    final: 'Overall judgement',
    level: 'Overall risk',
    reasons: 'Reasons',
    levels: { low: 'Low', medium: 'Medium', high: 'High' },
    printedBy: 'Printed by',
    none: '–',
  },
} as const;

/** A printable assessment, built from the masked person and the decrypted content. */
export const assessmentDocument = (input: {
  definition: InstrumentDefinition;
  assessment: {
    subjectRole: 'victim' | 'perpetrator' | 'child';
    mode: 'inPerson' | 'remote' | 'records';
    origin: 'own' | 'police';
    assessorName: string;
    coAssessorName: string | null;
    signedAt: Date | null;
    instrumentVersion: string;
    caseType: string;
  };
  content: AssessmentContent;
  answered: { answered: number; items: number };
  score: number | null;
  person: PresentedPerson;
  printedBy: string;
  printedAt: Date;
  language: 'sv' | 'en';
}): DocumentModel => {
  const { definition, assessment, content, person, language } = input;
  const w = words[language];
  const optionLabel = (scale: Scale | undefined, value: string | number | null | undefined) => {
    if (value === null || value === undefined) return w.unanswered;
    if (!scale || scale.kind === 'number') return String(value);
    return scale.options.find((option) => option.code === value)?.label[language] ?? String(value);
  };
  const sections: DocumentSection[] = definition.sections.map((section) => ({
    heading: section.title[language],
    items: section.items.map((item) => {
      const scale = definition.scales[item.scale];
      const answer = content.answers[item.id];
      const rating = item.currentAndPast
        ? `${w.now}: ${optionLabel(scale, answer?.value)}; ${w.past}: ${optionLabel(scale, answer?.past)}`
        : optionLabel(scale, answer?.value);
      const evidence = answer?.evidence ? ` (${w.evidence}: ${answer.evidence})` : '';
      return `${item.label[language]}: ${rating}${evidence}`;
    }),
  }));
  const appraisalScale = definition.victimAppraisal
    ? definition.scales[definition.victimAppraisal.scale]
    : undefined;
  return {
    title: `${w.title}: ${definition.name[language]}`,
    subtitle: `${person.givenName} ${person.familyName}${assessment.signedAt ? '' : ` – ${w.draft}`}`,
    notice: w.notice(secrecyCitation(input.printedAt, language)),
    language,
    createdAt: input.printedAt,
    footer: `${w.printedBy} ${input.printedBy}, ${swedishDateTime(input.printedAt)}`,
    sections: [
      {
        heading: w.about,
        facts: [
          [w.person, `${person.givenName} ${person.familyName}`],
          [w.number, person.personalNumber ?? w.none],
          [
            w.caseType,
            caseTypes.find((entry) => entry.code === assessment.caseType)?.[language] ?? w.none,
          ],
          [w.subject, w.subjects[assessment.subjectRole]],
          [w.assessor, assessment.assessorName],
          ...(assessment.coAssessorName
            ? [[w.coAssessor, assessment.coAssessorName] as const]
            : []),
          [w.mode, w.modes[assessment.mode]],
          [w.origin, w.origins[assessment.origin]],
          [w.signed, assessment.signedAt ? swedishDate(assessment.signedAt) : w.draft],
          [w.version, assessment.instrumentVersion],
          [w.completeness, `${input.answered.answered} / ${input.answered.items}`],
          ...(input.score !== null ? [[w.score, String(input.score)] as const] : []),
        ],
      },
      ...sections,
      {
        heading: w.judgements,
        facts: definition.judgements.map(
          (judgement) =>
            [
              judgement.label[language],
              optionLabel(definition.scales[judgement.scale], content.judgements[judgement.id]),
            ] as const,
        ),
      },
      ...(definition.victimAppraisal
        ? [
            {
              heading: w.appraisal,
              facts: [
                [w.level, optionLabel(appraisalScale, content.victimAppraisal?.level)] as const,
              ],
              paragraphs: content.victimAppraisal?.words
                ? [`”${content.victimAppraisal.words}”`]
                : [],
            },
          ]
        : []),
      ...(definition.scenarios
        ? [
            {
              heading: w.scenarios,
              items: content.scenarios.map(
                (scenario) =>
                  `${scenario.description} – ${optionLabel(
                    definition.scales[definition.scenarios!.levelScale],
                    scenario.level,
                  )}`,
              ),
              empty: w.none,
            },
          ]
        : []),
      {
        heading: w.final,
        facts: [
          [
            w.level,
            content.finalJudgement.level ? w.levels[content.finalJudgement.level] : w.unanswered,
          ],
        ],
        paragraphs: content.finalJudgement.reasons
          ? [`${w.reasons}: ${content.finalJudgement.reasons}`]
          : [],
      },
    ],
  };
};
