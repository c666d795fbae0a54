import type { IndicatorCatalogue } from '../../domain/indicators/definitions';
import {
  inForceText,
  provisionsOf,
  type LegalCatalogue,
  type VerificationStatus,
} from '../../domain/law/legal-references';

/**
 * docs/definitions-and-law.md, written from the catalogues so that it cannot drift from them:
 * each indicator's definition with its source, and each legal reference with every provision
 * that has carried it and how far it was verified. `npm run docs:catalogues` writes it; a test
 * fails when the committed page differs from what the catalogues say.
 */
const statusWords: Record<VerificationStatus, string> = {
  verified: 'kontrollerad mot lagtext eller myndighetens återgivning',
  secondary: 'kontrollerad i andrahandskälla',
  toVerify: '**att verifiera**',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const indicatorSection = (catalogue: IndicatorCatalogue) => [
  '## Nyckeltal',
  '',
  `Katalogversion ${catalogue.version}. Tal under ${catalogue.suppressBelow} visas inte utanför organisationen.`,
  '',
  ...catalogue.indicators.flatMap((definition) => {
    const { source } = definition;
    const link = source.url ? `[${source.title}](${source.url})` : source.title;
    return [
      `### ${definition.label.sv} (\`${definition.id}\`)`,
      '',
      `- Grupp: ${definition.group}; mått: ${definition.measure}; definition ${definition.definitionVersion}` +
        (definition.caseTypes ? `; ärendetyper: ${definition.caseTypes.join(', ')}` : ''),
      `- Definition: ${definition.description.sv}`,
      `- Källa (${source.kind === 'official' ? 'officiell definition' : 'Fristads egen definition'}): ${source.publisher}, ${link}` +
        (source.published ? `, publicerad ${source.published}` : '') +
        `. Kontrollerad ${source.checkedOn}.`,
      `- Källans formulering i korthet: ${source.wording}`,
      ...definition.earlier.map(
        (earlier) =>
          `- Tidigare definition ${earlier.version}: ${earlier.description.sv} ${earlier.replacedBecause.sv}`,
      ),
      '',
    ];
  }),
];

const lawSection = (catalogue: LegalCatalogue) => [
  '## Lagrum',
  '',
  `Lagkatalogen version ${catalogue.version}. Ett lagrum hämtas för dagen för den händelse det gäller.`,
  'Ett nummer som inte gått att kontrollera mot lagtexten står som "att verifiera" här och i',
  'programmet – det gissas aldrig.',
  '',
  '### Författningar',
  '',
  '| Id | Författning | Gäller | Källa |',
  '|---|---|---|---|',
  ...catalogue.statutes.map(
    (statute) =>
      `| \`${statute.id}\` | ${statute.name} (${statute.sfs}) | ${statute.from ?? '–'} – ${statute.to ?? ''} | [${cell(statute.source.title)}](${statute.source.url}) |`,
  ),
  '',
  ...catalogue.references.flatMap((reference) => [
    `### \`${reference.id}\``,
    '',
    reference.meaning.sv,
    '',
    '| Lagrum | Gäller | Status | Anmärkning | Källa |',
    '|---|---|---|---|---|',
    ...provisionsOf(reference.id, catalogue).map(
      (provision) =>
        `| ${provision.citation} | ${inForceText(provision, 'sv')} | ${statusWords[provision.status]} | ${cell(provision.provision.note ?? '')} | [${cell(provision.provision.source.title)}](${provision.provision.source.url}) |`,
    ),
    '',
  ]),
];

export const cataloguePage = (indicators: IndicatorCatalogue, law: LegalCatalogue) =>
  [
    '# Definitioner och lagrum',
    '',
    '<!-- Written by `npm run docs:catalogues` from catalogues/indicators.json and',
    '     catalogues/legal-references.json. Edit the catalogues, not this page. -->',
    '',
    ...indicatorSection(indicators),
    ...lawSection(law),
  ].join('\n');
