import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { todayText, type CaseSummary } from '../cases-api';
import { LegalReferences } from '../components/LegalReferences';
import { groundReferences } from '../ground-references';
import { caseTypes, catalogueLabel } from '../labels';
import { linkProps } from '../navigation';
import { throwOnError, useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

const criteria = ['highRisk', 'professionalJudgement', 'escalation', 'repeat'] as const;
const nameGrounds = ['consent', 'noHarm', 'ownActivity'] as const;

type Item = {
  id: string;
  pseudonym: string;
  name: string | null;
  namesAllowed: boolean;
  caseId: string | null;
  criteria: string[];
  rationale: string;
  repeat: boolean;
  notes: { id: string; organisation: string; author: string; body: string }[];
  actions: {
    id: string;
    ownerAgency: string;
    description: string;
    dueOn: string;
    done: boolean;
    overdue: boolean;
    version: number;
  }[];
};
type Meeting = {
  id: string;
  kind: 'collaboration' | 'barnahusConsultation';
  title: string;
  heldOn: string;
  chairs: boolean;
  participants: string[];
  minutes: string | null;
  version: number;
  items: Item[];
};

/**
 * One collaboration meeting: the cases on the agenda (by pseudonym unless a name is allowed),
 * what each agency knows, the action plan with owners and deadlines, and the minutes.
 */
export const MeetingPage = ({ meetingId }: { meetingId: string }) => {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus(meetingId);
  const [ground, setGround] = useState<string>('');
  const { problem, run } = useProblem();

  const meetingQuery = useRecord<Meeting>(['meetings', meetingId], `/api/meetings/${meetingId}`);
  const meeting = meetingQuery.data ?? null;
  const load = () => meetingQuery.refetch(throwOnError);
  // The chair puts cases on the agenda: their own cases are read once the meeting says so.
  const myCases =
    useRecord<CaseSummary[]>(
      ['cases', { mine: true }],
      meeting?.chairs ? '/api/cases?mine=true' : null,
    ).data ?? [];

  if (!meeting) return <p role="status">{t('app.loading')}</p>;

  const submit =
    (path: string, body: (data: FormData) => unknown) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      const data = new FormData(form);
      void run(async () => {
        await api('POST', path, body(data));
        form.reset();
        setGround('');
        await load();
      });
    };

  const saveMinutes = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const minutes = new FormData(event.currentTarget).get('minutes');
    void run(async () => {
      await api('PUT', `/api/meetings/${meetingId}/minutes`, { minutes, version: meeting.version });
      await load();
    });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {meeting.heldOn} – {meeting.title}
      </h1>
      <p>
        <strong>{t(`meetings.kinds.${meeting.kind}`)}</strong>.{' '}
        {t('meetings.participantsList', {
          list: meeting.participants.join(', ') || t('meetings.noParticipants'),
        })}
      </p>
      <p className="muted">{t('meetings.pseudonymNote')}</p>
      <FieldErrors problem={problem} />
      {meeting.items.map((item) => (
        <section key={item.id} aria-labelledby={`item-${item.id}`} className="role-card">
          <h2 id={`item-${item.id}`}>
            {item.name ? `${item.pseudonym}: ${item.name}` : item.pseudonym}
            {item.repeat && <span className="badge badge-warning"> {t('meetings.repeat')}</span>}
          </h2>
          {item.caseId && <a {...linkProps(`/arenden/${item.caseId}`)}>{t('meetings.openCase')}</a>}
          <p>
            <strong>{t('meetings.criteriaLabel')}:</strong>{' '}
            {item.criteria.map((code) => t(`meetings.criteria.${code}`)).join(', ')}
          </p>
          <p>{item.rationale}</p>
          <h3>{t('meetings.notes')}</h3>
          {item.notes.length === 0 ? (
            <p>{t('meetings.noNotes')}</p>
          ) : (
            <ul>
              {item.notes.map((note) => (
                <li key={note.id}>
                  <strong>{note.organisation}</strong> ({note.author}): {note.body}
                </li>
              ))}
            </ul>
          )}
          <form
            onSubmit={submit(`/api/meeting-items/${item.id}/notes`, (data) => ({
              body: data.get('body'),
            }))}
            noValidate
            aria-label={t('meetings.addNote', { item: item.pseudonym })}
          >
            <label htmlFor={`note-${item.id}`}>{t('meetings.noteLabel')}</label>
            <textarea id={`note-${item.id}`} name="body" rows={2} />
            <button type="submit">{t('meetings.saveNote')}</button>
          </form>
          <h3>{t('meetings.actions')}</h3>
          {item.actions.length === 0 ? (
            <p>{t('meetings.noActions')}</p>
          ) : (
            <table>
              <caption className="visually-hidden">
                {t('meetings.actionsOf', { item: item.pseudonym })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.owner')}</th>
                  <th scope="col">{t('meetings.what')}</th>
                  <th scope="col">{t('meetings.dueOn')}</th>
                  <th scope="col">{t('meetings.state')}</th>
                </tr>
              </thead>
              <tbody>
                {item.actions.map((action) => (
                  <tr key={action.id}>
                    <td>{action.ownerAgency}</td>
                    <td>{action.description}</td>
                    <td>{action.dueOn}</td>
                    <td>
                      <span className={action.overdue ? 'badge badge-warning' : 'badge'}>
                        {t(
                          action.done
                            ? 'meetings.done'
                            : action.overdue
                              ? 'meetings.overdue'
                              : 'meetings.open',
                        )}
                      </span>{' '}
                      {meeting.chairs && !action.done && (
                        <button
                          type="button"
                          onClick={() =>
                            void run(async () => {
                              await api('POST', `/api/meeting-actions/${action.id}/done`, {
                                version: action.version,
                              });
                              await load();
                            })
                          }
                        >
                          {t('meetings.markDone')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {meeting.chairs && (
            <form
              onSubmit={submit(`/api/meeting-items/${item.id}/actions`, (data) => ({
                ownerAgency: data.get('ownerAgency'),
                description: data.get('description'),
                dueOn: data.get('dueOn'),
              }))}
              noValidate
              aria-label={t('meetings.addAction', { item: item.pseudonym })}
            >
              <label htmlFor={`owner-${item.id}`}>{t('meetings.owner')}</label>
              <input id={`owner-${item.id}`} name="ownerAgency" />
              <label htmlFor={`what-${item.id}`}>{t('meetings.what')}</label>
              <input id={`what-${item.id}`} name="description" />
              <label htmlFor={`due-${item.id}`}>{t('meetings.dueOn')}</label>
              <input id={`due-${item.id}`} name="dueOn" type="date" defaultValue={meeting.heldOn} />
              <button type="submit">{t('meetings.saveAction')}</button>
            </form>
          )}
        </section>
      ))}
      {meeting.chairs && (
        <form
          onSubmit={submit(`/api/meetings/${meetingId}/items`, (data) => ({
            caseId: data.get('caseId'),
            criteria: data.getAll('criteria'),
            rationale: data.get('rationale'),
            groundCode: ground || null,
            assessmentNote: data.get('assessmentNote') ?? '',
          }))}
          noValidate
          aria-label={t('meetings.addItem')}
        >
          <h2>{t('meetings.addItem')}</h2>
          <label htmlFor="item-case">{t('meetings.case')}</label>
          <select id="item-case" name="caseId">
            {myCases.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.person.givenName} {entry.person.familyName} –{' '}
                {catalogueLabel(caseTypes, entry.type, i18n.language)}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{t('meetings.criteriaLabel')}</legend>
            {criteria.map((code) => (
              <label key={code} className="choice">
                <input type="checkbox" name="criteria" value={code} />{' '}
                {t(`meetings.criteria.${code}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="item-rationale">{t('meetings.rationale')}</label>
          <textarea id="item-rationale" name="rationale" rows={3} />
          <fieldset>
            <legend>{t('meetings.nameLegend')}</legend>
            <label className="choice">
              <input
                type="radio"
                name="ground"
                value=""
                checked={ground === ''}
                onChange={() => setGround('')}
              />{' '}
              {t('meetings.pseudonymised')}
            </label>
            {nameGrounds.map((code) => (
              <label key={code} className="choice">
                <input
                  type="radio"
                  name="ground"
                  value={code}
                  checked={ground === code}
                  onChange={() => setGround(code)}
                />{' '}
                {t(`disclosure.grounds.${code}`)}{' '}
                <span className="muted">
                  <LegalReferences ids={groundReferences(code)} day={todayText()} />
                </span>
              </label>
            ))}
          </fieldset>
          {ground && ground !== 'consent' && (
            <>
              <label htmlFor="item-assessment">{t('disclosure.assessment')}</label>
              <textarea id="item-assessment" name="assessmentNote" rows={2} />
            </>
          )}
          <button type="submit">{t('meetings.addItemButton')}</button>
        </form>
      )}
      {meeting.chairs ? (
        <form onSubmit={saveMinutes} noValidate aria-label={t('meetings.minutes')}>
          <h2>{t('meetings.minutes')}</h2>
          <label htmlFor="minutes">{t('meetings.minutesLabel')}</label>
          <textarea id="minutes" name="minutes" rows={5} defaultValue={meeting.minutes ?? ''} />
          <button type="submit">{t('meetings.saveMinutes')}</button>
        </form>
      ) : (
        meeting.minutes && (
          <section aria-labelledby="minutes-heading">
            <h2 id="minutes-heading">{t('meetings.minutes')}</h2>
            <p>{meeting.minutes}</p>
          </section>
        )
      )}
    </>
  );
};
