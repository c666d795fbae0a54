import { useTranslation } from 'react-i18next';
import { throwOnError, useRecord } from '../../queries';
import { acknowledge, routinesPath, type Routine } from '../../routines-api';
import { linkProps } from '../../navigation';
import { FieldErrors, useProblem } from '../problems';

/**
 * The routines that govern a step, where the step is done (the case page), or — without a step
 * — the routines in force the reader has not read yet (the start page, which is how a new
 * employee meets them all). Renders nothing when there is nothing to show.
 */
export const RoutineNotice = ({ step }: { step: string | null }) => {
  const { t } = useTranslation();
  // A case that moves on to another step keeps the last step's routines until the new are read.
  const query = useRecord<Routine[]>(['routines', { step }], routinesPath(step), {
    keepPrevious: true,
  });
  const routines = query.data ?? [];
  const { problem, run } = useProblem();

  const shown = step ? routines : routines.filter((routine) => !routine.readByMe);
  if (shown.length === 0) return null;
  const read = (routine: Routine) =>
    void run(async () => {
      await acknowledge(routine);
      await query.refetch(throwOnError);
    });

  return (
    <section aria-labelledby={`routines-${step ?? 'unread'}`} className="role-card">
      <h2 id={`routines-${step ?? 'unread'}`}>
        {step ? t('routines.forStep') : t('routines.unread')}
      </h2>
      <FieldErrors problem={problem} />
      <ul>
        {shown.map((routine) => (
          <li key={routine.id}>
            <details>
              <summary>
                {routine.title} ({t('routines.version', { no: routine.version.versionNo })})
                {routine.readByMe ? ` – ${t('routines.read')}` : ''}
              </summary>
              <p className="routine-body">{routine.version.body}</p>
              <p className="muted">
                {t('routines.approved', {
                  by: routine.version.approvedBy,
                  from: routine.version.validFrom,
                })}
              </p>
            </details>
            {!routine.readByMe && (
              <button type="button" onClick={() => read(routine)}>
                {t('routines.acknowledge', { title: routine.title })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!step && (
        <p>
          <a {...linkProps('/rutiner')}>{t('routines.all')}</a>
        </p>
      )}
    </section>
  );
};
