import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { throwOnError, useRecord } from '../queries';
import { acknowledge, routinesPath, routineSteps, type Routine } from '../routines-api';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

/**
 * The routine library: every routine in force with its version and who approved it, read and
 * acknowledged here; those who keep the library add routines and new versions and see how many
 * of the staff have read each.
 */
export const RoutinesPage = ({ mayEdit }: { mayEdit: boolean }) => {
  const { t } = useTranslation();
  const heading = useHeadingFocus('routines');
  const query = useRecord<Routine[]>(['routines', { step: null }], routinesPath(null));
  const routines = query.data ?? [];
  const { problem, run } = useProblem();
  const load = () => query.refetch(throwOnError);

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const routineId = String(data.get('routineId') || '') || null;
    const existing = routines.find((routine) => routine.id === routineId);
    void run(async () => {
      await api('POST', '/api/routines', {
        routineId,
        title: existing?.title ?? data.get('title'),
        step: existing?.step ?? data.get('step'),
        body: data.get('body'),
        approvedBy: data.get('approvedBy'),
        validFrom: data.get('validFrom'),
      });
      form.reset();
      await load();
    });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('routines.title')}
      </h1>
      <p>{t('routines.lead')}</p>
      <FieldErrors problem={problem} />
      {routines.length === 0 && <p>{t('routines.none')}</p>}
      <ul>
        {routines.map((routine) => (
          <li key={routine.id}>
            <h2>{routine.title}</h2>
            <p className="muted">
              {t(`routines.steps.${routine.step}`)} ·{' '}
              {t('routines.version', { no: routine.version.versionNo })} ·{' '}
              {t('routines.approved', {
                by: routine.version.approvedBy,
                from: routine.version.validFrom,
              })}
              {routine.readers &&
                ` · ${t('routines.readers', { read: routine.readers.read, staff: routine.readers.staff })}`}
            </p>
            <p className="routine-body">{routine.version.body}</p>
            {routine.readByMe ? (
              <p>{t('routines.readByMe')}</p>
            ) : (
              <button
                type="button"
                onClick={() =>
                  void run(async () => {
                    await acknowledge(routine);
                    await load();
                  })
                }
              >
                {t('routines.acknowledge', { title: routine.title })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {mayEdit && (
        <form onSubmit={save} aria-labelledby="new-routine">
          <h2 id="new-routine">{t('routines.new')}</h2>
          <label htmlFor="routine-of">{t('routines.of')}</label>
          <select id="routine-of" name="routineId" defaultValue="">
            <option value="">{t('routines.newOne')}</option>
            {routines.map((routine) => (
              <option key={routine.id} value={routine.id}>
                {t('routines.newVersionOf', { title: routine.title })}
              </option>
            ))}
          </select>
          <label htmlFor="routine-title">{t('routines.name')}</label>
          <input id="routine-title" name="title" aria-describedby="routine-title-help" />
          <p id="routine-title-help" className="muted">
            {t('routines.nameHelp')}
          </p>
          <label htmlFor="routine-step">{t('routines.step')}</label>
          <select id="routine-step" name="step" defaultValue="general">
            {routineSteps.map((step) => (
              <option key={step} value={step}>
                {t(`routines.steps.${step}`)}
              </option>
            ))}
          </select>
          <label htmlFor="routine-body">{t('routines.body')}</label>
          <textarea id="routine-body" name="body" rows={6} required />
          <label htmlFor="routine-approved">{t('routines.approvedBy')}</label>
          <input id="routine-approved" name="approvedBy" required />
          <label htmlFor="routine-from">{t('routines.validFrom')}</label>
          <input id="routine-from" name="validFrom" type="date" required />
          <button type="submit">{t('routines.save')}</button>
        </form>
      )}
    </>
  );
};
