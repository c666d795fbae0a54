import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionOutcomes } from '../../../domain/interventions/quota';
import { api } from '../../api';
import { todayText, type CaseDetail } from '../../cases-api';
import type { Group } from '../GroupsPage';
import { FieldErrors, useProblem } from '../problems';
import {
  recordKeys,
  throwOnError,
  useInterventionTypes,
  useRecord,
  type InterventionType,
} from '../../queries';

const noTypes: InterventionType[] = [];
type Granted = {
  id: string;
  typeId: string;
  typeName: string;
  decidedOn: string;
  goals: string[];
  materials: string;
  adaptations: string;
  endedOn: string | null;
  endReason: string | null;
  dropoutReason: string | null;
  quota: { granted: number; used: number; remaining: number; nearEnd: boolean };
  sessions: {
    id: string;
    heldOn: string;
    kind: string;
    mode: string;
    outcome: string;
    note: string;
  }[];
  extensions: { id: string; sessions: number; decidedOn: string; reason: string }[];
  version: number;
};

const goalSlots = [0, 1, 2];

/**
 * Interventions on the case (digest 002): granted from the organisation's catalogue with the
 * goals set together with the client, the sessions against the quota, an explicit extension with
 * reasons, and how it ended — a dropout with the person's own reason.
 */
export const InterventionSection = ({ detail }: { detail: CaseDetail }) => {
  const { t } = useTranslation();
  const types = useInterventionTypes().data ?? noTypes;
  const { problem, run } = useProblem();
  const write = detail.abilities.write;
  const query = useRecord<Granted[]>(
    recordKeys.case(detail.id, 'interventions'),
    `/api/cases/${detail.id}/interventions`,
  );
  const granted = query.data ?? [];

  const post = (path: string, body: object) =>
    run(async () => {
      await api('POST', `/api/cases/${detail.id}/interventions${path}`, body);
      await query.refetch(throwOnError);
    });

  const grant = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const sessions = String(data.get('grantedSessions') ?? '').trim();
    void post('', {
      typeId: data.get('typeId'),
      grantedSessions: sessions ? Number(sessions) : null,
      decidedOn: data.get('decidedOn'),
      goals: goalSlots.map((slot) => String(data.get(`goal-${slot}`) ?? '')).filter(Boolean),
      materials: data.get('materials'),
      adaptations: data.get('adaptations'),
    }).then(() => form.reset());
  };

  if (types.length === 0 && granted.length === 0) return null;
  return (
    <section aria-labelledby="interventions-heading">
      <h2 id="interventions-heading">{t('interventions.title')}</h2>
      <FieldErrors problem={problem} />
      {granted.map((entry) => (
        <article key={entry.id} aria-label={entry.typeName}>
          <h3>{entry.typeName}</h3>
          <p>
            {t('interventions.decided', { date: entry.decidedOn })}{' '}
            {t('interventions.quota', {
              used: entry.quota.used,
              granted: entry.quota.granted,
              remaining: entry.quota.remaining,
            })}
          </p>
          {!entry.endedOn && entry.quota.nearEnd && (
            <p role="status" className="warning-list">
              {t('interventions.nearEnd')}
            </p>
          )}
          <h4>{t('interventions.goals')}</h4>
          <ul>
            {entry.goals.map((goal) => (
              <li key={goal}>{goal}</li>
            ))}
          </ul>
          <dl className="facts">
            <dt>{t('interventions.materials')}</dt>
            <dd>{entry.materials || '–'}</dd>
            <dt>{t('interventions.adaptations')}</dt>
            <dd>{entry.adaptations || '–'}</dd>
            {entry.endedOn && (
              <>
                <dt>{t('interventions.ended')}</dt>
                <dd>
                  {entry.endedOn}: {t(`interventions.endReasons.${entry.endReason}`)}
                  {entry.dropoutReason && ` – ${entry.dropoutReason}`}
                </dd>
              </>
            )}
          </dl>
          {entry.sessions.length > 0 && (
            <ol>
              {entry.sessions.map((session) => (
                <li key={session.id}>
                  {session.heldOn} – {t(`interventions.kinds.${session.kind}`)},{' '}
                  {t(`interventions.modes.${session.mode}`)}:{' '}
                  {t(`interventions.outcomes.${session.outcome}`)}
                  {session.note && ` (${session.note})`}
                </li>
              ))}
            </ol>
          )}
          {entry.extensions.map((extension) => (
            <p key={extension.id}>
              {t('interventions.extended', {
                sessions: extension.sessions,
                date: extension.decidedOn,
                reason: extension.reason,
              })}
            </p>
          ))}
          {!entry.endedOn && write && <RunningForms entry={entry} post={post} />}
        </article>
      ))}
      {write && <GroupPlaceForm caseId={detail.id} />}
      {write && types.length > 0 && (
        <form onSubmit={grant} noValidate aria-label={t('interventions.grantTitle')}>
          <h3>{t('interventions.grantTitle')}</h3>
          <label htmlFor="grant-type">{t('interventions.type')}</label>
          <select id="grant-type" name="typeId">
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name} ({t('interventions.dose', { sessions: type.defaultSessions })})
              </option>
            ))}
          </select>
          <label htmlFor="grant-sessions">{t('interventions.grantedSessions')}</label>
          <input id="grant-sessions" name="grantedSessions" inputMode="numeric" />
          <label htmlFor="grant-decided">{t('interventions.decidedOn')}</label>
          <input id="grant-decided" name="decidedOn" type="date" defaultValue={todayText()} />
          <fieldset>
            <legend>{t('interventions.goalsWithClient')}</legend>
            {goalSlots.map((slot) => (
              <div key={slot}>
                <label htmlFor={`grant-goal-${slot}`}>
                  {t('interventions.goal', { n: slot + 1 })}
                </label>
                <input id={`grant-goal-${slot}`} name={`goal-${slot}`} />
              </div>
            ))}
          </fieldset>
          <label htmlFor="grant-materials">{t('interventions.materials')}</label>
          <textarea id="grant-materials" name="materials" rows={2} />
          <label htmlFor="grant-adaptations">{t('interventions.adaptations')}</label>
          <textarea
            id="grant-adaptations"
            name="adaptations"
            rows={2}
            aria-describedby="grant-adaptations-help"
          />
          <p id="grant-adaptations-help" className="muted">
            {t('interventions.adaptationsHelp')}
          </p>
          <button type="submit">{t('interventions.grant')}</button>
        </form>
      )}
    </section>
  );
};

/** A session, an extension and the end of the intervention running now. */
const RunningForms = ({
  entry,
  post,
}: {
  entry: Granted;
  post: (path: string, body: object) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const id = entry.id;
  const submit =
    (path: string, build: (data: FormData) => object) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      void post(path, { typeId: entry.typeId, ...build(new FormData(form)) }).then(() =>
        form.reset(),
      );
    };
  return (
    <>
      <form
        onSubmit={submit('/sessions', (data) => ({
          heldOn: data.get('heldOn'),
          kind: data.get('kind'),
          mode: data.get('mode'),
          outcome: data.get('outcome'),
          note: data.get('note'),
        }))}
        noValidate
        aria-label={t('interventions.recordSession')}
      >
        <h4>{t('interventions.recordSession')}</h4>
        <label htmlFor={`session-date-${id}`}>{t('interventions.heldOn')}</label>
        <input id={`session-date-${id}`} name="heldOn" type="date" defaultValue={todayText()} />
        <label htmlFor={`session-kind-${id}`}>{t('interventions.kind')}</label>
        <select id={`session-kind-${id}`} name="kind">
          {(['session', 'betweenContact'] as const).map((kind) => (
            <option key={kind} value={kind}>
              {t(`interventions.kinds.${kind}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`session-mode-${id}`}>{t('interventions.mode')}</label>
        <select id={`session-mode-${id}`} name="mode">
          {(['inPerson', 'phone', 'digital', 'group'] as const).map((mode) => (
            <option key={mode} value={mode}>
              {t(`interventions.modes.${mode}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`session-outcome-${id}`}>{t('interventions.outcome')}</label>
        <select id={`session-outcome-${id}`} name="outcome">
          {sessionOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`interventions.outcomes.${outcome}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`session-note-${id}`}>{t('interventions.note')}</label>
        <textarea id={`session-note-${id}`} name="note" rows={2} />
        <button type="submit">{t('interventions.saveSession')}</button>
      </form>
      <form
        onSubmit={submit('/extensions', (data) => ({
          sessions: Number(data.get('sessions')),
          reason: data.get('reason'),
        }))}
        noValidate
        aria-label={t('interventions.extend')}
      >
        <h4>{t('interventions.extend')}</h4>
        <label htmlFor={`extend-sessions-${id}`}>{t('interventions.moreSessions')}</label>
        <input id={`extend-sessions-${id}`} name="sessions" inputMode="numeric" />
        <label htmlFor={`extend-reason-${id}`}>{t('interventions.extendReason')}</label>
        <textarea id={`extend-reason-${id}`} name="reason" rows={2} />
        <button type="submit">{t('interventions.saveExtension')}</button>
      </form>
      <form
        onSubmit={submit('/end', (data) => ({
          endedOn: data.get('endedOn'),
          reason: data.get('reason'),
          dropoutReason: data.get('dropoutReason'),
          version: entry.version,
        }))}
        noValidate
        aria-label={t('interventions.end')}
      >
        <h4>{t('interventions.end')}</h4>
        <label htmlFor={`end-date-${id}`}>{t('interventions.endedOn')}</label>
        <input id={`end-date-${id}`} name="endedOn" type="date" defaultValue={todayText()} />
        <label htmlFor={`end-reason-${id}`}>{t('interventions.endReason')}</label>
        <select id={`end-reason-${id}`} name="reason">
          {(['completed', 'dropout', 'referredOn', 'other'] as const).map((reason) => (
            <option key={reason} value={reason}>
              {t(`interventions.endReasons.${reason}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`end-dropout-${id}`}>{t('interventions.dropoutReason')}</label>
        <textarea id={`end-dropout-${id}`} name="dropoutReason" rows={2} />
        <button type="submit">{t('interventions.saveEnd')}</button>
      </form>
    </>
  );
};

/** The case's place in a group: on the waiting list, admitted, or leaving. */
const GroupPlaceForm = ({ caseId }: { caseId: string }) => {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const { problem, run } = useProblem();
  const query = useRecord<Group[]>(['intervention-groups'], '/api/intervention-groups');
  const groups = query.data ?? [];
  if (groups.length === 0) return null;
  const change = (form: HTMLFormElement, action: 'join' | 'admit' | 'leave') =>
    void run(async () => {
      await api('POST', `/api/cases/${caseId}/group-places`, {
        groupId: new FormData(form).get('groupId'),
        action,
      });
      await query.refetch(throwOnError);
      setDone(t(`groups.done.${action}`));
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        change(event.currentTarget, 'join');
      }}
      noValidate
      aria-label={t('groups.placeTitle')}
    >
      <h3>{t('groups.placeTitle')}</h3>
      <FieldErrors problem={problem} />
      {done && <p role="status">{done}</p>}
      <label htmlFor={`group-choice-${caseId}`}>{t('groups.group')}</label>
      <select id={`group-choice-${caseId}`} name="groupId">
        {groups.map((group) => (
          <option key={group.id} value={group.id}>
            {t('groups.option', {
              theme: group.theme,
              free: group.figures.freePlaces,
              waiting: group.figures.waiting,
            })}
          </option>
        ))}
      </select>
      <button type="submit">{t('groups.join')}</button>
      <button type="button" onClick={(event) => change(event.currentTarget.form!, 'admit')}>
        {t('groups.admit')}
      </button>
      <button type="button" onClick={(event) => change(event.currentTarget.form!, 'leave')}>
        {t('groups.leave')}
      </button>
    </form>
  );
};
