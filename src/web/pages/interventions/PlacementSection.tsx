import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exitDestinations,
  schoolArrangements,
  visitModes,
} from '../../../domain/housing/catalogue';
import { api } from '../../api';
import { todayText, type CaseDetail } from '../../cases-api';
import { housingPathFor, type PlaceRequest, type Placement } from '../../housing-api';
import { linkProps } from '../../navigation';
import { recordKeys, throwOnError, useRecord } from '../../queries';
import { FieldErrors, useProblem } from '../problems';

const formValues = (event: FormEvent<HTMLFormElement>) => {
  event.preventDefault();
  return new FormData(event.currentTarget);
};
const orNull = (value: FormDataEntryValue | null) => (value ? String(value) : null);

/**
 * Protected housing for the case: places offered on the case's requests, the stay with each
 * child's decision and school, follow-up visits, the way out and the move-out.
 */
export const PlacementSection = ({ detail }: { detail: CaseDetail }) => {
  const { t } = useTranslation();
  const { problem, run } = useProblem();
  const write = detail.abilities.write;

  const staysQuery = useRecord<Placement[]>(
    recordKeys.case(detail.id, 'placements'),
    `/api/cases/${detail.id}/placements`,
  );
  const requestsQuery = useRecord<PlaceRequest[]>(
    ['housing', 'requests', { caseId: detail.id }],
    `/api/housing/requests?caseId=${detail.id}`,
  );
  const stays = staysQuery.data ?? [];
  const requests = requestsQuery.data ?? [];
  const load = () =>
    Promise.all([staysQuery.refetch(throwOnError), requestsQuery.refetch(throwOnError)]);

  const stay = stays.find((entry) => entry.current);
  const used = new Set(stays.map((entry) => entry.requestId));
  const mine = requests.filter((request) => request.caseId === detail.id);
  const offers = mine.filter(
    (request) => request.status === 'offered' && !request.released && !used.has(request.id),
  );
  // A request she will not move in on is withdrawn; an offer's places go back to the provider.
  const withdrawable = (request: PlaceRequest) =>
    request.status === 'sent' ||
    (request.status === 'offered' && !request.released && !used.has(request.id));
  const withdraw = (request: PlaceRequest) =>
    run(async () => {
      await api('POST', `/api/housing/requests/${request.id}/withdraw`, {
        version: request.version,
      });
      await load();
    });
  const send = (path: string, body: object, method: 'POST' | 'PUT' = 'POST') =>
    run(async () => {
      await api(method, `/api/cases/${detail.id}/${path}`, body);
      await load();
    });

  const moveIn = (event: FormEvent<HTMLFormElement>) => {
    const data = formValues(event);
    const costPerDay = orNull(data.get('costPerDay'));
    void send('placements', {
      requestId: orNull(data.get('requestId')),
      providerName: data.get('providerName') ?? '',
      startOn: data.get('startOn'),
      plannedEndOn: orNull(data.get('plannedEndOn')),
      costPerDay: costPerDay === null ? null : Number(costPerDay),
    });
  };

  return (
    <section aria-labelledby="placement-heading">
      <h2 id="placement-heading">{t('placement.title')}</h2>
      <FieldErrors problem={problem} />
      {mine.length > 0 && (
        <ul>
          {mine.map((request) => (
            <li key={request.id}>
              {t('placement.requestLine', {
                unit: request.housingUnitName,
                places: request.places,
                status: t(`housing.status.${request.status}`),
              })}
              {request.answer && ` – ${request.answer}`}
              {write && withdrawable(request) && (
                <>
                  {' '}
                  <button type="button" onClick={() => void withdraw(request)}>
                    {t('placement.withdraw', { unit: request.housingUnitName })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!stay && write && (
        <>
          <p>
            <a {...linkProps(housingPathFor(detail.id))}>{t('placement.findPlace')}</a>
          </p>
          <form onSubmit={moveIn} noValidate aria-label={t('placement.moveInTitle')}>
            <h3>{t('placement.moveInTitle')}</h3>
            <label htmlFor="placement-offer">{t('placement.offer')}</label>
            <select
              id="placement-offer"
              name="requestId"
              // Offers arrive after the first render: the newest offer is chosen when it does.
              key={offers.map((offer) => offer.id).join()}
              defaultValue={offers[0]?.id ?? ''}
            >
              {offers.map((offer) => (
                <option key={offer.id} value={offer.id}>
                  {offer.housingUnitName}
                </option>
              ))}
              <option value="">{t('placement.outsideDirectory')}</option>
            </select>
            <label htmlFor="placement-provider">{t('placement.providerName')}</label>
            <input
              id="placement-provider"
              name="providerName"
              aria-describedby="placement-provider-help"
            />
            <p id="placement-provider-help" className="muted">
              {t('placement.providerHelp')}
            </p>
            <label htmlFor="placement-start">{t('placement.startOn')}</label>
            <input id="placement-start" name="startOn" type="date" defaultValue={todayText()} />
            <label htmlFor="placement-planned-end">{t('placement.plannedEndOn')}</label>
            <input id="placement-planned-end" name="plannedEndOn" type="date" />
            <label htmlFor="placement-cost">{t('placement.costPerDay')}</label>
            <input id="placement-cost" name="costPerDay" inputMode="numeric" />
            <button type="submit">{t('placement.moveIn')}</button>
          </form>
        </>
      )}
      {stays.map((entry) => (
        <article key={entry.id} aria-label={entry.providerName}>
          <h3>{entry.providerName}</h3>
          <dl className="facts">
            <dt>{t('placement.period')}</dt>
            <dd>
              {entry.startOn} – {entry.endOn ?? entry.plannedEndOn ?? t('placement.ongoing')}
            </dd>
            {entry.arrival && (
              <>
                <dt>{t('placement.arrival')}</dt>
                <dd>{entry.arrival}</dd>
              </>
            )}
            {entry.costPerDay !== null && (
              <>
                <dt>{t('placement.costPerDay')}</dt>
                <dd>{t('placement.kronor', { amount: entry.costPerDay })}</dd>
              </>
            )}
            {entry.exitDestination && (
              <>
                <dt>{t('placement.destination')}</dt>
                <dd>
                  {t(`placement.destinations.${entry.exitDestination}`)}
                  {entry.exitNote && ` – ${entry.exitNote}`}
                </dd>
              </>
            )}
          </dl>
          <h4>{t('placement.children')}</h4>
          {entry.children.length === 0 ? (
            <p>{t('placement.noChildren')}</p>
          ) : (
            <ul>
              {entry.children.map((child) => (
                <li key={child.id}>
                  {child.firstName} ({child.bornYear}) – {t(`placement.schools.${child.school}`)}
                  {child.schoolNote && `: ${child.schoolNote}`}.{' '}
                  {child.decisionOn
                    ? t('placement.decidedOn', { date: child.decisionOn })
                    : t('placement.noDecision')}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('placement.visits')}</h4>
          {entry.visits.length === 0 ? (
            <p>{t('placement.noVisits')}</p>
          ) : (
            <ul>
              {entry.visits.map((visit) => (
                <li key={visit.id}>
                  {visit.visitedOn} – {t(`placement.modes.${visit.mode}`)}
                  {visit.note && `: ${visit.note}`}
                </li>
              ))}
            </ul>
          )}
          {entry.current && entry.exitPlanOpenItems.length > 0 && (
            <div className="warning-list">
              <p>{t('placement.openItems')}</p>
              <ul>
                {entry.exitPlanOpenItems.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          )}
          {entry.current && write && <CurrentStayForms stay={entry} send={send} />}
        </article>
      ))}
    </section>
  );
};

/** Children, visits, the way out and the move-out of the stay going on now. */
const CurrentStayForms = ({
  stay,
  send,
}: {
  stay: Placement;
  send: (path: string, body: object, method?: 'POST' | 'PUT') => Promise<void>;
}) => {
  const { t } = useTranslation();
  const addChild = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const data = formValues(event);
    void send('placement/children', {
      firstName: data.get('firstName'),
      bornYear: Number(data.get('bornYear')),
      decisionOn: orNull(data.get('decisionOn')),
      school: data.get('school'),
      schoolNote: data.get('schoolNote'),
    }).then(() => form.reset());
  };
  const addVisit = (event: FormEvent<HTMLFormElement>) => {
    const data = formValues(event);
    void send('placement/visits', {
      visitedOn: data.get('visitedOn'),
      mode: data.get('mode'),
      note: data.get('note'),
    });
  };
  const savePlan = (event: FormEvent<HTMLFormElement>) => {
    const data = formValues(event);
    void send(
      'placement/exit-plan',
      {
        debts: data.get('debts'),
        rentalContract: data.get('rentalContract'),
        housingCompanyContacted: data.get('housingCompanyContacted') === 'on',
        version: stay.version,
      },
      'PUT',
    );
  };
  const moveOut = (event: FormEvent<HTMLFormElement>) => {
    const data = formValues(event);
    void send('placement/exit', {
      endOn: data.get('endOn'),
      destination: data.get('destination'),
      note: data.get('note'),
      version: stay.version,
    });
  };
  return (
    <>
      <form onSubmit={addChild} noValidate aria-label={t('placement.addChild')}>
        <h4>{t('placement.addChild')}</h4>
        <label htmlFor="child-name">{t('placement.firstName')}</label>
        <input id="child-name" name="firstName" />
        <label htmlFor="child-born">{t('placement.bornYear')}</label>
        <input id="child-born" name="bornYear" inputMode="numeric" />
        <label htmlFor="child-decision">{t('placement.decisionOn')}</label>
        <input id="child-decision" name="decisionOn" type="date" />
        <label htmlFor="child-school">{t('placement.school')}</label>
        <select id="child-school" name="school">
          {schoolArrangements.map((school) => (
            <option key={school} value={school}>
              {t(`placement.schools.${school}`)}
            </option>
          ))}
        </select>
        <label htmlFor="child-school-note">{t('placement.schoolNote')}</label>
        <textarea id="child-school-note" name="schoolNote" rows={2} />
        <button type="submit">{t('placement.saveChild')}</button>
      </form>
      <form onSubmit={addVisit} noValidate aria-label={t('placement.addVisit')}>
        <h4>{t('placement.addVisit')}</h4>
        <label htmlFor="visit-date">{t('placement.visitedOn')}</label>
        <input id="visit-date" name="visitedOn" type="date" defaultValue={todayText()} />
        <label htmlFor="visit-mode">{t('placement.mode')}</label>
        <select id="visit-mode" name="mode">
          {visitModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`placement.modes.${mode}`)}
            </option>
          ))}
        </select>
        <label htmlFor="visit-note">{t('placement.visitNote')}</label>
        <textarea id="visit-note" name="note" rows={2} />
        <button type="submit">{t('placement.saveVisit')}</button>
      </form>
      <form onSubmit={savePlan} noValidate aria-label={t('placement.exitPlan')}>
        <h4>{t('placement.exitPlan')}</h4>
        <label htmlFor="plan-debts">{t('placement.debts')}</label>
        <select id="plan-debts" name="debts" defaultValue={stay.debts}>
          {(['unknown', 'none', 'some'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`placement.debtOptions.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor="plan-contract">{t('placement.rentalContract')}</label>
        <select id="plan-contract" name="rentalContract" defaultValue={stay.rentalContract}>
          {(['none', 'applying', 'has'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`placement.contractOptions.${value}`)}
            </option>
          ))}
        </select>
        <label className="choice">
          <input
            name="housingCompanyContacted"
            type="checkbox"
            defaultChecked={stay.housingCompanyContacted}
          />{' '}
          {t('placement.housingCompanyContacted')}
        </label>
        <button type="submit">{t('placement.savePlan')}</button>
      </form>
      <form onSubmit={moveOut} noValidate aria-label={t('placement.moveOut')}>
        <h4>{t('placement.moveOut')}</h4>
        <label htmlFor="exit-date">{t('placement.endOn')}</label>
        <input id="exit-date" name="endOn" type="date" defaultValue={todayText()} />
        <label htmlFor="exit-destination">{t('placement.destination')}</label>
        <select id="exit-destination" name="destination">
          {exitDestinations.map((destination) => (
            <option key={destination} value={destination}>
              {t(`placement.destinations.${destination}`)}
            </option>
          ))}
        </select>
        <label htmlFor="exit-note">{t('placement.exitNote')}</label>
        <textarea id="exit-note" name="note" rows={2} />
        <button type="submit">{t('placement.saveMoveOut')}</button>
      </form>
    </>
  );
};
