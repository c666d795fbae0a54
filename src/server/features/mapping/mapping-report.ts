import { isSmallCount } from '../../../domain/indicators/suppression';
import type { MappingCatalogue, MappingItem } from '../../../domain/mapping/template';
import type { RoundSnapshot } from './mapping.repository';
import type { DocumentModel, DocumentSection } from '../../platform/documents/pdf';

type Snapshot = RoundSnapshot;
type Language = 'sv' | 'en';

const words = {
  sv: {
    notice:
      'Kartläggningen beskriver kommunernas arbete, inte enskilda personer. Deltagare räknas per roll; antal från 1 till 4 visas som ”färre än 5”, och nyckeltal från Fristad visas inte när de bygger på färre än 5.',
    about: 'Om kartläggningen',
    round: 'Kartläggning',
    strategy: 'Strategiperiod',
    period: 'Period för nyckeltalen',
    sessions: 'Tillfällen',
    participants: 'Deltagare',
    municipalities: 'Kommuner',
    scale: 'Skattning 0–10',
    noRating: 'Ingen skattning gjord.',
    mean: 'medel',
    trend: 'Skattningen över tid',
    themes: 'Teman i de öppna svaren',
    uncoded: 'Svar som ännu inte kodats',
    perItem: 'Svaren kommun för kommun',
    unknown: 'Vet inte',
    noData: 'Underlag saknas',
    notAsked: 'Inte besvarat',
    fewerThan: 'färre än {n}',
    yes: 'Ja',
    partly: 'Delvis',
    no: 'Nej',
    sources: {
      caseSystem: 'verksamhetssystemet',
      ownCount: 'egen räkning',
      estimate: 'uppskattning',
      fristad: 'Fristad',
    },
    none: 'Inga svar.',
    county: 'Länsrapport',
    footer: 'Fristad – kartläggning',
  },
  en: {
    notice:
      "The mapping describes the municipalities' work, not individual people. Participants are counted by role; counts from 1 to 4 are shown as “fewer than 5”, and Fristad figures are not shown where they rest on fewer than 5.",
    about: 'About the mapping',
    round: 'Mapping round',
    strategy: 'Strategy period',
    period: 'Period of the indicators',
    sessions: 'Sessions',
    participants: 'Participants',
    municipalities: 'Municipalities',
    scale: 'Rating 0–10',
    noRating: 'No rating given.',
    mean: 'mean',
    trend: 'The rating over time',
    themes: 'Themes in the open answers',
    uncoded: 'Answers not yet coded',
    perItem: 'The answers municipality by municipality',
    unknown: 'Unknown',
    noData: 'No data',
    notAsked: 'Not answered',
    fewerThan: 'fewer than {n}',
    yes: 'Yes',
    partly: 'Partly',
    no: 'No',
    sources: {
      caseSystem: 'case system',
      ownCount: 'own count',
      estimate: 'estimate',
      fristad: 'Fristad',
    },
    none: 'No answers.',
    county: 'County report',
    footer: 'Fristad – mapping',
  },
} as const;

const number = (value: number, language: Language) =>
  value.toLocaleString(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 });

/** An answer in words: the value, or that it is unknown or lacks data — never a silent zero. */
const answerText = (
  item: MappingItem,
  answer: Snapshot['answers'][number] | undefined,
  language: Language,
  suppressBelow: number,
): string => {
  const say = words[language];
  if (!answer) return say.notAsked;
  if (answer.status === 'unknown') return say.unknown;
  if (answer.status === 'noData') return say.noData;
  const value = answer.value;
  switch (item.answer.kind) {
    case 'number': {
      // A municipality's count of 1–4 trafficking cases points at people once the report is
      // passed on: the report says "fewer than 5", as every figure leaving Fristad does.
      const shown = isSmallCount(value as number, suppressBelow)
        ? say.fewerThan.replace('{n}', String(suppressBelow))
        : String(value);
      return `${shown}${answer.source ? ` (${say.sources[answer.source]})` : ''}`;
    }
    case 'yesNoPartial':
      return say[value as 'yes' | 'partly' | 'no'];
    case 'multi': {
      const options = item.answer.options;
      return (value as string[])
        .map((code) => options.find((option) => option.code === code)?.[language] ?? code)
        .join(', ');
    }
    case 'text':
      return String(value);
  }
};

const participantsText = (
  catalogue: MappingCatalogue,
  sessions: Snapshot['sessions'],
  language: Language,
) => {
  const byRole = new Map<string, number>();
  for (const session of sessions)
    for (const participant of session.participants)
      byRole.set(participant.role, (byRole.get(participant.role) ?? 0) + participant.count);
  return [...byRole]
    .map(([role, count]) => {
      const label = catalogue.participantRoles.find((entry) => entry.code === role)?.[language];
      return `${label ?? role} ${count}`;
    })
    .join(', ');
};

const ratingText = (rating: Snapshot['comparison']['scale'][number], language: Language) =>
  rating.mean === null
    ? words[language].noRating
    : `${number(rating.mean, language)} (${rating.ratings.map((entry) => `${entry.label}: ${entry.scale}`).join(', ')})`;

/** The report for one municipality, with the template's headings (digest 001's chapters). */
export const municipalityReport = (
  catalogue: MappingCatalogue,
  snapshot: Snapshot,
  municipalityId: string,
  language: Language,
  createdAt: Date,
  suppressBelow: number,
): DocumentModel => {
  const say = words[language];
  const municipality = snapshot.municipalities.find((entry) => entry.id === municipalityId)!;
  const sessions = snapshot.sessions.filter((session) => session.municipalityId === municipalityId);
  const answers = snapshot.answers.filter((answer) => answer.municipalityId === municipalityId);
  const rating = snapshot.comparison.scale.find(
    (entry) => entry.municipalityId === municipalityId,
  )!;
  const { template } = snapshot;
  const sections: DocumentSection[] = [
    {
      heading: say.about,
      facts: [
        [say.round, snapshot.round.name],
        [say.strategy, snapshot.round.strategyPeriod || '–'],
        [say.period, `${snapshot.round.periodFrom} – ${snapshot.round.periodTo}`],
        [
          say.sessions,
          sessions.map((session) => `${session.label} (${session.heldOn})`).join(', ') || '–',
        ],
        [say.participants, participantsText(catalogue, sessions, language) || '–'],
      ],
    },
    ...template.sections.map((section) => ({
      heading: section.title[language],
      facts: section.items.map(
        (item) =>
          [
            item.text[language],
            answerText(
              item,
              answers.find((answer) => answer.itemId === item.id),
              language,
              suppressBelow,
            ),
          ] as const,
      ),
    })),
  ];
  if (template.scale)
    sections.push({
      heading: say.scale,
      paragraphs: [
        template.scale.question[language],
        template.scale.high[language],
        template.scale.low[language],
      ],
      facts: [[municipality.name, ratingText(rating, language)]],
    });
  for (const question of template.openQuestions ?? [])
    sections.push({
      heading: question.reportHeading[language],
      items: sessions.flatMap((session) =>
        session.openAnswers
          .filter((answer) => answer.question === question.id)
          .map((answer) => answer.text),
      ),
      empty: say.none,
    });
  return {
    title: `${municipality.name} – ${snapshot.round.name}`,
    subtitle: template.name[language],
    notice: say.notice,
    sections,
    footer: say.footer,
    language,
    createdAt,
  };
};

/** The county synthesis: ratings side by side, the trend, themes, and every answer compared. */
export const countyReport = (
  catalogue: MappingCatalogue,
  snapshot: Snapshot,
  language: Language,
  createdAt: Date,
  suppressBelow: number,
): DocumentModel => {
  const say = words[language];
  const { template, comparison } = snapshot;
  const themeLabel = (code: string) =>
    catalogue.themes.find((theme) => theme.code === code)?.[language] ?? code;
  const sections: DocumentSection[] = [
    {
      heading: say.about,
      facts: [
        [say.round, snapshot.round.name],
        [say.strategy, snapshot.round.strategyPeriod || '–'],
        [say.period, `${snapshot.round.periodFrom} – ${snapshot.round.periodTo}`],
        [say.municipalities, snapshot.municipalities.map((entry) => entry.name).join(', ')],
        [say.sessions, String(snapshot.sessions.length)],
        [say.participants, participantsText(catalogue, snapshot.sessions, language) || '–'],
      ],
    },
  ];
  if (template.scale)
    sections.push({
      heading: say.scale,
      paragraphs: [template.scale.question[language]],
      facts: comparison.scale.map((rating) => [rating.name, ratingText(rating, language)] as const),
    });
  if (comparison.trend.rounds.length > 1)
    sections.push({
      heading: say.trend,
      facts: comparison.trend.municipalities.map(
        (municipality) =>
          [
            municipality.name,
            municipality.means
              .map(
                (mean, index) =>
                  `${comparison.trend.rounds[index]!.name}: ${mean === null ? '–' : number(mean, language)}`,
              )
              .join(' · '),
          ] as const,
      ),
    });
  sections.push(
    ...comparison.themes.themes.map((entry) => ({
      heading: `${say.themes}: ${themeLabel(entry.theme)} (${entry.answers.length})`,
      items: entry.answers.map((answer) => answer.text),
    })),
  );
  if (comparison.themes.uncoded > 0)
    sections.push({
      heading: say.uncoded,
      paragraphs: [String(comparison.themes.uncoded)],
    });
  for (const section of template.sections)
    sections.push({
      heading: `${say.perItem}: ${section.title[language]}`,
      paragraphs: section.items.map(
        (item) =>
          `${item.text[language]} — ${snapshot.municipalities
            .map(
              (municipality) =>
                `${municipality.name}: ${answerText(
                  item,
                  snapshot.answers.find(
                    (answer) =>
                      answer.municipalityId === municipality.id && answer.itemId === item.id,
                  ),
                  language,
                  suppressBelow,
                )}`,
            )
            .join('; ')}`,
      ),
    });
  return {
    title: `${say.county}: ${snapshot.round.name}`,
    subtitle: template.name[language],
    notice: say.notice,
    sections,
    footer: say.footer,
    language,
    createdAt,
  };
};
