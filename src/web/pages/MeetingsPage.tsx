import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionMay } from '../abilities';
import { api, type SessionView } from '../api';
import { todayText } from '../cases-api';
import { linkProps, navigate } from '../navigation';
import { useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

type SignedIn = Extract<SessionView, { signedIn: true }>;
type MeetingRow = { id: string; kind: string; title: string; heldOn: string; hosted: boolean };

/** Collaboration meetings the organisation hosts or takes part in, and a form to call one. */
export const MeetingsPage = ({ session }: { session: SignedIn }) => {
  const { t } = useTranslation();
  const heading = useHeadingFocus('meetings');
  const { problem, run } = useProblem();
  const mayHost = sessionMay(session, 'case.write');
  const units =
    session.organisations.find((org) => org.id === session.activeOrganisationId)?.units ?? [];

  const meetings = useRecord<MeetingRow[]>(['meetings'], '/api/meetings').data ?? [];
  const organisations =
    useRecord<{ id: string; name: string }[]>(
      ['county-organisations'],
      mayHost ? '/api/county-organisations' : null,
    ).data ?? [];

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(async () => {
      const created = await api<{ id: string }>('POST', '/api/meetings', {
        unitId: data.get('unitId'),
        kind: data.get('kind'),
        title: data.get('title'),
        heldOn: data.get('heldOn'),
        participantOrganisationIds: data.getAll('participants'),
      });
      navigate(`/samverkansmoten/${created.id}`);
    });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('meetings.title')}
      </h1>
      <p>{t('meetings.lead')}</p>
      {meetings.length === 0 ? (
        <p>{t('meetings.none')}</p>
      ) : (
        <ul>
          {meetings.map((meeting) => (
            <li key={meeting.id}>
              <a {...linkProps(`/samverkansmoten/${meeting.id}`)}>
                {meeting.heldOn} – {meeting.title}
              </a>{' '}
              <span className="muted">({t(`meetings.kinds.${meeting.kind}`)})</span>{' '}
              {!meeting.hosted && <span className="muted">({t('meetings.participant')})</span>}
            </li>
          ))}
        </ul>
      )}
      <FieldErrors problem={problem} />
      {mayHost && (
        <form onSubmit={create} noValidate aria-label={t('meetings.create')}>
          <h2>{t('meetings.create')}</h2>
          <label htmlFor="meeting-kind">{t('meetings.kind')}</label>
          <select id="meeting-kind" name="kind" defaultValue="collaboration">
            {(['collaboration', 'barnahusConsultation'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`meetings.kinds.${kind}`)}
              </option>
            ))}
          </select>
          <label htmlFor="meeting-title">{t('meetings.name')}</label>
          <input id="meeting-title" name="title" />
          <label htmlFor="meeting-date">{t('meetings.heldOn')}</label>
          <input id="meeting-date" name="heldOn" type="date" defaultValue={todayText()} />
          <label htmlFor="meeting-unit">{t('meetings.unit')}</label>
          <select id="meeting-unit" name="unitId" defaultValue={session.activeUnitId ?? ''}>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{t('meetings.participants')}</legend>
            {organisations.map((organisation) => (
              <label key={organisation.id} className="choice">
                <input type="checkbox" name="participants" value={organisation.id} />{' '}
                {organisation.name}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t('meetings.createButton')}</button>
        </form>
      )}
    </>
  );
};
