import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { providerKinds, specialisations } from '../../domain/housing/catalogue';
import { api } from '../api';
import { todayText } from '../cases-api';
import type { HousingUnit, PlaceRequest } from '../housing-api';
import { linkProps } from '../navigation';
import { tabPath } from './case/case-tabs';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';
import { UnitFacts } from './housing/UnitFacts';

const fetchDirectory = (needs: readonly string[]) =>
  Promise.all([
    api<HousingUnit[]>('GET', `/api/housing/units?needs=${needs.join(',')}`),
    api<PlaceRequest[]>('GET', '/api/housing/requests'),
  ]);

/**
 * Protected housing in the county (digest 004 and 000: staff "phone around"). Search by what is
 * needed; free places as the providers keep them; ask for a place from a case; providers answer
 * here and keep their own numbers. Areas are shown, never addresses.
 */
export const HousingPage = ({
  keeps,
  activeUnitId,
}: {
  keeps: boolean;
  activeUnitId: string | null;
}) => {
  const { t } = useTranslation();
  const heading = useHeadingFocus('housing');
  const caseId = new URLSearchParams(window.location.search).get('arende');
  const [needs, setNeeds] = useState<string[]>([]);
  const [units, setUnits] = useState<HousingUnit[]>([]);
  const [requests, setRequests] = useState<PlaceRequest[]>([]);
  const [asking, setAsking] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { problem, run } = useProblem();

  const load = useCallback(async (wanted: readonly string[]) => {
    const [loadedUnits, loadedRequests] = await fetchDirectory(wanted);
    setUnits(loadedUnits);
    setRequests(loadedRequests);
  }, []);
  useEffect(() => {
    let current = true;
    void fetchDirectory([]).then(([loadedUnits, loadedRequests]) => {
      if (!current) return;
      setUnits(loadedUnits);
      setRequests(loadedRequests);
    });
    return () => {
      current = false;
    };
  }, []);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const wanted = new FormData(event.currentTarget).getAll('needs').map(String);
    setNeeds(wanted);
    void run(() => load(wanted));
  };

  const ask = (event: FormEvent<HTMLFormElement>, unit: HousingUnit) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', `/api/cases/${caseId}/housing-requests`, {
        housingUnitId: unit.id,
        places: Number(data.get('places')),
        children: Number(data.get('children')),
        needs,
        wantedFrom: data.get('wantedFrom'),
        note: data.get('note'),
      });
      setAsking(null);
      setNotice(t('housing.sent', { unit: unit.name }));
      await load(needs);
    });
  };

  const answer = (form: HTMLFormElement, request: PlaceRequest, offer: boolean) => {
    const data = new FormData(form);
    void run(async () => {
      await api('POST', `/api/housing/requests/${request.id}/answer`, {
        offer,
        message: data.get('message'),
        version: request.version,
      });
      setNotice(offer ? t('housing.offered') : t('housing.declined'));
      await load(needs);
    });
  };

  const release = (request: PlaceRequest) =>
    void run(async () => {
      await api('POST', `/api/housing/requests/${request.id}/release`, {
        version: request.version,
      });
      setNotice(t('housing.releasedNotice', { unit: request.housingUnitName }));
      await load(needs);
    });

  const saveUnit = (event: FormEvent<HTMLFormElement>, unit: HousingUnit | null) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = unit
      ? {
          ...unit,
          capacity: Number(data.get('capacity')),
          occupied: Number(data.get('occupied')),
        }
      : {
          name: data.get('name'),
          providerKind: data.get('providerKind'),
          ivoPermit: data.get('ivoPermit') || null,
          specialisations: data.getAll('specialisations'),
          areaDescription: data.get('areaDescription'),
          address: data.get('address') || null,
          phone: data.get('phone'),
          capacity: Number(data.get('capacity')),
          occupied: Number(data.get('occupied')),
        };
    void run(async () => {
      await api(
        unit ? 'PUT' : 'POST',
        unit ? `/api/housing/units/${unit.id}` : '/api/housing/units',
        body,
      );
      setNotice(t('housing.saved'));
      if (!unit) form.reset();
      await load(needs);
    });
  };

  const recordNeed = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', '/api/housing/unmet-needs', {
        unitId: activeUnitId,
        places: Number(data.get('places')),
        children: Number(data.get('children')),
        needs,
        note: data.get('note'),
      });
      setNotice(t('housing.needRecorded'));
    });
  };

  const incoming = requests.filter((request) => request.incoming);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('housing.title')}
      </h1>
      <p>{t('housing.lead')}</p>
      {caseId && (
        <p className="role-card">
          {t('housing.fromCase')}{' '}
          <a {...linkProps(tabPath(caseId, 'housing'))}>{t('housing.backToCase')}</a>
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      <FieldErrors problem={problem} />

      <form onSubmit={search} aria-label={t('housing.search')}>
        <fieldset>
          <legend>{t('housing.needs')}</legend>
          {specialisations.map((code) => (
            <label key={code} className="choice">
              <input type="checkbox" name="needs" value={code} />{' '}
              {t(`housing.specialisations.${code}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('housing.searchButton')}</button>
      </form>

      <h2>{t('housing.units')}</h2>
      {units.length === 0 && <p>{t('housing.noUnits')}</p>}
      {units.map((unit) => (
        <article key={unit.id} aria-labelledby={`unit-${unit.id}`} className="item">
          <h3 id={`unit-${unit.id}`}>
            {unit.name} – {unit.organisationName}
          </h3>
          <UnitFacts unit={unit} />
          {caseId && unit.freePlaces > 0 && asking !== unit.id && (
            <button type="button" onClick={() => setAsking(unit.id)}>
              {t('housing.ask', { unit: unit.name })}
            </button>
          )}
          {caseId && asking === unit.id && (
            <form
              onSubmit={(event) => ask(event, unit)}
              noValidate
              aria-label={t('housing.askTitle')}
            >
              <p className="muted">{t('housing.noIdentity')}</p>
              <label htmlFor="ask-places">{t('housing.places')}</label>
              <input id="ask-places" name="places" inputMode="numeric" defaultValue="1" />
              <label htmlFor="ask-children">{t('housing.childrenCount')}</label>
              <input id="ask-children" name="children" inputMode="numeric" defaultValue="0" />
              <label htmlFor="ask-from">{t('housing.wantedFrom')}</label>
              <input id="ask-from" name="wantedFrom" type="date" defaultValue={todayText()} />
              <label htmlFor="ask-note">{t('housing.note')}</label>
              <textarea id="ask-note" name="note" rows={2} />
              <button type="submit">{t('housing.sendRequest')}</button>
            </form>
          )}
          {unit.own && keeps && (
            <form
              onSubmit={(event) => saveUnit(event, unit)}
              noValidate
              aria-label={t('housing.keepTitle', { unit: unit.name })}
            >
              <label htmlFor={`capacity-${unit.id}`}>{t('housing.capacity')}</label>
              <input
                id={`capacity-${unit.id}`}
                name="capacity"
                inputMode="numeric"
                defaultValue={unit.capacity}
              />
              <label htmlFor={`occupied-${unit.id}`}>{t('housing.occupied')}</label>
              <input
                id={`occupied-${unit.id}`}
                name="occupied"
                inputMode="numeric"
                defaultValue={unit.occupied}
              />
              <button type="submit">{t('housing.saveNumbers')}</button>
            </form>
          )}
        </article>
      ))}

      {caseId && activeUnitId && (
        <form onSubmit={recordNeed} noValidate aria-label={t('housing.unmetTitle')}>
          <h2>{t('housing.unmetTitle')}</h2>
          <p>{t('housing.unmetLead')}</p>
          <label htmlFor="need-places">{t('housing.places')}</label>
          <input id="need-places" name="places" inputMode="numeric" defaultValue="1" />
          <label htmlFor="need-children">{t('housing.childrenCount')}</label>
          <input id="need-children" name="children" inputMode="numeric" defaultValue="0" />
          <label htmlFor="need-note">{t('housing.needNote')}</label>
          <textarea id="need-note" name="note" rows={2} />
          <button type="submit">{t('housing.recordNeed')}</button>
        </form>
      )}

      {keeps && (
        <section aria-labelledby="incoming-heading">
          <h2 id="incoming-heading">{t('housing.incoming')}</h2>
          {incoming.length === 0 && <p>{t('housing.noIncoming')}</p>}
          {incoming.map((request) => (
            <article key={request.id} className="item" aria-label={request.from}>
              <p>
                {t('housing.requestSummary', {
                  from: request.from,
                  unit: request.housingUnitName,
                  places: request.places,
                  children: request.children,
                  date: request.wantedFrom,
                })}
                {request.note && ` ${request.note}`}
              </p>
              <p>
                {t(`housing.status.${request.status}`)}
                {request.answer && ` – ${request.answer}`}
                {request.released && ` ${t('housing.placesGivenBack')}`}
              </p>
              {request.status === 'offered' && !request.released && (
                <button type="button" onClick={() => release(request)}>
                  {t('housing.release', { from: request.from })}
                </button>
              )}
              {request.status === 'sent' && (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    answer(event.currentTarget, request, true);
                  }}
                  noValidate
                  aria-label={t('housing.answerTitle')}
                >
                  <label htmlFor={`answer-${request.id}`}>{t('housing.answerMessage')}</label>
                  <textarea
                    id={`answer-${request.id}`}
                    name="message"
                    rows={2}
                    aria-describedby={`answer-help-${request.id}`}
                  />
                  <p id={`answer-help-${request.id}`} className="muted">
                    {t('housing.answerHelp')}
                  </p>
                  <button type="submit">{t('housing.offer')}</button>
                  <button
                    type="button"
                    onClick={(event) => answer(event.currentTarget.form!, request, false)}
                  >
                    {t('housing.decline')}
                  </button>
                </form>
              )}
            </article>
          ))}
        </section>
      )}

      {keeps && (
        <form
          onSubmit={(event) => saveUnit(event, null)}
          noValidate
          aria-label={t('housing.addTitle')}
        >
          <h2>{t('housing.addTitle')}</h2>
          <label htmlFor="unit-name">{t('housing.name')}</label>
          <input id="unit-name" name="name" />
          <label htmlFor="unit-kind">{t('housing.provider')}</label>
          <select id="unit-kind" name="providerKind">
            {providerKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`housing.providerKinds.${kind}`)}
              </option>
            ))}
          </select>
          <label htmlFor="unit-permit">{t('housing.permit')}</label>
          <input id="unit-permit" name="ivoPermit" />
          <fieldset>
            <legend>{t('housing.offers')}</legend>
            {specialisations.map((code) => (
              <label key={code} className="choice">
                <input type="checkbox" name="specialisations" value={code} />{' '}
                {t(`housing.specialisations.${code}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="unit-area">{t('housing.area')}</label>
          <input id="unit-area" name="areaDescription" aria-describedby="unit-area-help" />
          <p id="unit-area-help" className="muted">
            {t('housing.areaHelp')}
          </p>
          <label htmlFor="unit-address">{t('housing.address')}</label>
          <input id="unit-address" name="address" />
          <label htmlFor="unit-phone">{t('housing.phone')}</label>
          <input id="unit-phone" name="phone" />
          <label htmlFor="unit-capacity">{t('housing.capacity')}</label>
          <input id="unit-capacity" name="capacity" inputMode="numeric" />
          <label htmlFor="unit-occupied">{t('housing.occupied')}</label>
          <input id="unit-occupied" name="occupied" inputMode="numeric" defaultValue="0" />
          <button type="submit">{t('housing.addButton')}</button>
        </form>
      )}
    </>
  );
};
