import type { Measure } from '../../../domain/risk-management/measures';
import { swedishDateTime, swedishDayOf } from '../../../domain/calendar';
import { statusLabelsSv } from '../../../domain/risk-management/plan';
import type { PlanView } from './plan-view';
import type { PresentedPerson } from '../persons/person.presenter';
import { disclosureCitation, secrecyCitation } from '../../platform/documents/legal-notice';
import type { DocumentModel } from '../../platform/documents/pdf';

const ownerLabels: Record<Measure['usualOwner'], string> = {
  socialServices: 'Socialtjänsten',
  police: 'Polisen',
  prosecutor: 'Åklagare',
  region: 'Regionen (hälso- och sjukvård)',
  school: 'Skola eller förskola',
  housingCompany: 'Bostadsbolag',
  shelter: 'Kvinnojour eller stödorganisation',
  taxAgency: 'Skatteverket',
  victim: 'Den utsatta själv',
};

/**
 * The skydds- och åtgärdsplan on paper. The full plan is for the case file; a partner summary
 * (recipient given) holds only the measures that partner usually owns, the review date and the
 * out-of-hours contacts: never the victim's own strategies or the history (need to know).
 */
export const planDocument = (input: {
  plan: PlanView;
  person: PresentedPerson;
  measures: readonly Measure[];
  recipient: Measure['usualOwner'] | undefined;
  printedBy: string;
  printedAt: Date;
}): DocumentModel => {
  const { plan, person, recipient } = input;
  const usualOwner = (code: string) =>
    input.measures.find((measure) => measure.code === code)?.usualOwner;
  const measures = recipient
    ? plan.measures.filter((measure) => usualOwner(measure.code) === recipient)
    : plan.measures;
  const levels = { low: 'Låg', medium: 'Medel', high: 'Hög' } as const;
  return {
    title: recipient
      ? `Sammanfattning för samverkan – ${ownerLabels[recipient]}`
      : 'Skydds- och åtgärdsplan',
    subtitle: `${person.givenName} ${person.familyName}`,
    notice: recipient
      ? `Lämnas ut bara med samtycke (${disclosureCitation(input.printedAt)}) eller annan registrerad grund för utlämnande. Innehåller endast det mottagaren behöver för sina åtgärder. Skyddade personuppgifter är maskerade.`
      : `Innehåller uppgifter som omfattas av sekretess (${secrecyCitation(input.printedAt)}). Skyddade personuppgifter är maskerade.`,
    language: 'sv',
    createdAt: input.printedAt,
    footer: `Utskriven av ${input.printedBy}, ${swedishDateTime(input.printedAt)}`,
    sections: [
      {
        heading: 'Om planen',
        facts: [
          ['Person', `${person.givenName} ${person.familyName}`],
          ['Person-/samordningsnummer', person.personalNumber ?? '–'],
          [
            'Senast bedömd samlad risk',
            plan.riskLevel ? levels[plan.riskLevel] : 'Ingen signerad bedömning',
          ],
          ['Planen följs upp senast', plan.reviewOn ?? 'Inget datum satt'],
        ],
      },
      {
        heading: 'Åtgärder',
        empty: 'Inga åtgärder.',
        items: measures.map((measure) =>
          [
            `${measure.label.sv} – ${statusLabelsSv[measure.status]}`,
            `ansvarig: ${measure.ownerOrganisation}${measure.ownerFunction ? `, ${measure.ownerFunction}` : ''}`,
            measure.dueOn ? `klart senast ${measure.dueOn}` : null,
            measure.reviewOn ? `följs upp ${measure.reviewOn}` : null,
            !recipient && measure.statusReason ? `skäl: ${measure.statusReason}` : null,
          ]
            .filter(Boolean)
            .join('; '),
        ),
      },
      {
        heading: 'Kontakter kväll och helg',
        paragraphs: plan.outOfHours ? [plan.outOfHours] : [],
        empty: 'Inte ifyllt.',
      },
      ...(recipient
        ? []
        : [
            {
              heading: 'Den utsattas egna strategier',
              paragraphs: plan.victimStrategies ? [plan.victimStrategies] : [],
              empty: 'Inte ifyllt.',
            },
            {
              heading: 'Planens historik',
              items: plan.history.map(
                (event) =>
                  `${swedishDayOf(event.occurredAt)} ${event.actorName}: ${
                    {
                      measureAdded: 'lade till',
                      statusChanged: 'ändrade status för',
                      suggestionRejected: 'avvisade förslaget',
                      planUpdated: 'ändrade planen',
                      followedThrough: 'avslutade bedömningen med planen',
                    }[event.kind as 'measureAdded'] ?? event.kind
                  }${event.measureCode ? ` ${input.measures.find((m) => m.code === event.measureCode)?.label.sv ?? event.measureCode}` : ''}${
                    event.toStatus
                      ? ` (${statusLabelsSv[event.toStatus as 'proposed'] ?? event.toStatus})`
                      : ''
                  }${event.reason ? `: ${event.reason}` : ''}`,
              ),
              empty: 'Ingen historik.',
            },
          ]),
    ],
  };
};
