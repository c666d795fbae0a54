import { swedishDateTime, swedishDayOf } from '../../../domain/calendar';
import {
  caseTypes,
  detectionSources,
  perpetratorRelations,
  violenceForms,
  type CatalogueEntry,
} from '../../../domain/cases/catalogues';
import { caseEventKinds, eventSources } from '../../../domain/cases/events';
import { stageLabelsEn, stageLabelsSv } from '../../../domain/cases/stages';
import { taskKinds } from '../../../domain/cases/tasks';
import { vulnerabilityMarkers } from '../../../domain/identity/person-markers';
import {
  protectionLabelsEn,
  protectionLabelsSv,
} from '../../../domain/identity/protected-identity';
import type { CaseView } from './case-commands';
import type { PresentedPerson } from '../persons/person.presenter';
import { secrecyCitation } from '../../platform/documents/legal-notice';
import type { DocumentModel } from '../../platform/documents/pdf';

const words = {
  sv: {
    title: 'Ärendesammanfattning',
    practiceNotice:
      'ÖVNINGSÄRENDE – personen är påhittad och ärendet räknas inte i någon statistik.',
    notice: (secrecy: string) =>
      `Innehåller uppgifter som omfattas av sekretess (${secrecy}). Skyddade personuppgifter är maskerade. Förvara och lämna ut enligt er rutin.`,
    person: 'Person',
    name: 'Namn',
    number: 'Person-/samordningsnummer',
    protection: 'Skyddade personuppgifter',
    address: 'Adress',
    interpreter: 'Behöver tolk',
    markers: 'Särskild sårbarhet',
    case: 'Ärendet',
    type: 'Typ',
    stage: 'Steg',
    unit: 'Enhet',
    owner: 'Ansvarig',
    unowned: 'Ingen ansvarig',
    source: 'Hur våldet blev känt',
    forms: 'Våldsformer',
    relation: 'Relation till den som utövar våld',
    opened: 'Aktualiserat',
    events: 'Händelser',
    noEvents: 'Inga händelser registrerade.',
    tasks: 'Uppgifter',
    noTasks: 'Inga uppgifter.',
    dueBy: 'senast',
    done: 'klar',
    history: 'Steg och beslut',
    linked: 'Länkade ärenden',
    noLinked: 'Inga länkade ärenden.',
    hiddenLinked: 'Ett länkat ärende som du inte har behörighet att se',
    printedBy: 'Utskriven av',
    none: '–',
    yes: 'Ja',
  },
  en: {
    title: 'Case summary',
    practiceNotice:
      'PRACTICE CASE – the person is invented and the case is never counted in any statistic.',
    notice: (secrecy: string) =>
      `Contains information covered by secrecy (${secrecy}). Protected personal data is masked. Keep and disclose according to your routine.`,
    person: 'Person',
    name: 'Name',
    number: 'Personal identity number',
    protection: 'Protected personal data',
    address: 'Address',
    interpreter: 'Needs an interpreter',
    markers: 'Particular vulnerability',
    case: 'The case',
    type: 'Type',
    stage: 'Stage',
    unit: 'Unit',
    owner: 'Responsible',
    unowned: 'Nobody responsible',
    source: 'How the violence became known',
    forms: 'Forms of violence',
    relation: 'Relation to the person using violence',
    opened: 'Opened',
    events: 'Events',
    noEvents: 'No events recorded.',
    tasks: 'Tasks',
    noTasks: 'No tasks.',
    dueBy: 'by',
    done: 'done',
    history: 'Stages and decisions',
    linked: 'Linked cases',
    noLinked: 'No linked cases.',
    hiddenLinked: 'A linked case you are not authorised to see',
    printedBy: 'Printed by',
    none: '–',
    yes: 'Yes',
  },
} as const;

/**
 * The case summary a worker prints for a meeting or a file. It is built only from what the
 * presenters gave this viewer, so masking and hidden linked cases carry over unchanged.
 */
export const caseSummaryDocument = (input: {
  view: CaseView;
  person: PresentedPerson;
  printedBy: string;
  printedAt: Date;
  language: 'sv' | 'en';
}): DocumentModel => {
  const { view, person, language } = input;
  const w = words[language];
  const label = (list: readonly CatalogueEntry[], code: string | null) => {
    const entry = list.find((candidate) => candidate.code === code);
    return entry ? entry[language] : (code ?? w.none);
  };
  const stage = (code: keyof typeof stageLabelsSv) =>
    (language === 'en' ? stageLabelsEn : stageLabelsSv)[code];
  const day = swedishDayOf;
  const name = `${person.givenName} ${person.familyName}`;

  return {
    title: w.title,
    subtitle: `${name} – ${label(caseTypes, view.type)}`,
    // A printed practice case must never pass for a real one.
    notice: view.practice
      ? `${w.practiceNotice} ${w.notice(secrecyCitation(input.printedAt, language))}`
      : w.notice(secrecyCitation(input.printedAt, language)),
    language,
    createdAt: input.printedAt,
    footer: `${w.printedBy} ${input.printedBy}, ${swedishDateTime(input.printedAt)}`,
    sections: [
      {
        heading: w.person,
        facts: [
          [w.name, name],
          [w.number, person.personalNumber ?? w.none],
          [
            w.protection,
            (language === 'en' ? protectionLabelsEn : protectionLabelsSv)[person.protectionLevel],
          ],
          [w.address, person.address ?? w.none],
          [w.interpreter, person.interpreterLanguage ?? w.none],
          [
            w.markers,
            person.vulnerabilityMarkers
              .map((code) => label(vulnerabilityMarkers, code))
              .join(', ') || w.none,
          ],
        ],
      },
      {
        heading: w.case,
        facts: [
          [w.type, label(caseTypes, view.type) + (view.hrv ? ' · HRV' : '')],
          [w.stage, stage(view.stage)],
          [w.unit, view.unitName],
          [w.owner, view.ownerName ?? w.unowned],
          [w.source, label(detectionSources, view.detectionSource)],
          [
            w.forms,
            view.violenceForms.map((code) => label(violenceForms, code)).join(', ') || w.none,
          ],
          [w.relation, label(perpetratorRelations, view.perpetratorRelation)],
          [w.opened, day(view.openedAt)],
        ],
      },
      {
        heading: w.events,
        empty: w.noEvents,
        items: view.events.map(
          (event) =>
            `${event.occurredOn} ${label(caseEventKinds, event.kind)} (${label(eventSources, event.source)})${
              event.description ? `: ${event.description}` : ''
            }`,
        ),
      },
      {
        heading: w.tasks,
        empty: w.noTasks,
        items: view.tasks.map(
          (task) =>
            `${label(taskKinds, task.kind)} – ${task.state === 'done' ? w.done : `${w.dueBy} ${task.dueOn}`}${
              task.assigneeName ? ` (${task.assigneeName})` : ''
            }${task.note ? `: ${task.note}` : ''}`,
        ),
      },
      {
        heading: w.history,
        items: view.transitions.map(
          (transition) =>
            `${day(transition.decidedAt)} ${stage(transition.toStage)} (${transition.decidedBy})${
              transition.reason ? `: ${transition.reason}` : ''
            }`,
        ),
      },
      {
        heading: w.linked,
        empty: w.noLinked,
        items: view.linkedCases.map((link) =>
          link.visible
            ? `${link.case.person.givenName} ${link.case.person.familyName}${
                link.case.person.personalNumber ? ` ${link.case.person.personalNumber}` : ''
              } – ${label(caseTypes, link.case.type)}, ${stage(link.case.stage)}`
            : w.hiddenLinked,
        ),
      },
    ],
  };
};
