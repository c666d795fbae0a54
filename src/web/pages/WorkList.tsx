import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { dateText, type WorkList as WorkListData } from '../cases-api';
import { catalogueLabel, taskKinds } from '../labels';
import { linkProps } from '../navigation';
import { throwOnError, useRecord } from '../queries';
import { taskPath } from './case/case-tabs';
import { TaskState } from './case/TasksSection';
import { FieldErrors, useProblem } from './problems';

const personName = (row: { case: { person: { givenName: string; familyName: string } } }) =>
  `${row.case.person.givenName} ${row.case.person.familyName}`;

/** The worker's morning: hand-overs to confirm, tasks by last day, and their own cases. */
export const WorkList = () => {
  const { t, i18n } = useTranslation();
  const { problem, run } = useProblem();

  const query = useRecord<WorkListData>(['work-lists', 'mine'], '/api/work-lists/mine');
  const list = query.data ?? null;

  if (!list) return <p role="status">{t('app.loading')}</p>;

  const acknowledge = (handoverId: string) =>
    void run(async () => {
      await api('POST', `/api/handovers/${handoverId}/acknowledge`);
      await query.refetch(throwOnError);
    });

  return (
    <>
      <FieldErrors problem={problem} />
      {list.handovers.length > 0 && (
        <section aria-labelledby="handovers-heading" className="role-card">
          <h2 id="handovers-heading">{t('workList.handovers')}</h2>
          <ul>
            {list.handovers.map((handover) => (
              <li key={handover.id}>
                <a {...linkProps(`/arenden/${handover.caseId}`)}>{personName(handover)}</a>{' '}
                {t('workList.handoverFrom', {
                  name: handover.proposedBy,
                  date: dateText(handover.proposedAt, i18n.language),
                })}
                <blockquote>{handover.summary}</blockquote>
                <button type="button" onClick={() => acknowledge(handover.id)}>
                  {t('workList.acknowledge', { name: personName(handover) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="my-tasks-heading">
        <h2 id="my-tasks-heading">{t('workList.tasks')}</h2>
        {list.tasks.length === 0 ? (
          <p>{t('workList.noTasks')}</p>
        ) : (
          <ul className="task-list">
            {list.tasks.map((task) => (
              <li key={task.id}>
                <a {...linkProps(taskPath(task))}>{personName(task)}</a>:{' '}
                {catalogueLabel(taskKinds, task.kind, i18n.language)} <TaskState task={task} />
                {task.note && <div>{task.note}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="my-cases-heading">
        <h2 id="my-cases-heading">{t('workList.cases')}</h2>
        {list.cases.length === 0 ? (
          <p>{t('workList.noCases')}</p>
        ) : (
          <ul>
            {list.cases.map((row) => (
              <li key={row.id}>
                <a {...linkProps(`/arenden/${row.id}`)}>
                  {row.person.givenName} {row.person.familyName}
                </a>
                {row.practice && <strong> ({t('training.marker')})</strong>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
};
