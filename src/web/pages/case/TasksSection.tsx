import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { CaseDetail, Task } from '../../cases-api';
import { catalogueLabel, taskKinds } from '../../labels';

type Props = {
  detail: CaseDetail;
  run: (work: () => Promise<void>) => Promise<void>;
  reload: () => Promise<void>;
};

/** A task's state in words, not colour alone (WCAG 1.4.1). */
export const TaskState = ({ task }: { task: Pick<Task, 'state' | 'dueOn'> }) => {
  const { t } = useTranslation();
  return (
    <span className={task.state === 'overdue' ? 'badge badge-warning' : 'badge'}>
      {t(`tasks.states.${task.state}`, { date: task.dueOn })}
    </span>
  );
};

/** The case's tasks with last days, and a form to add one. */
export const TasksSection = ({ detail, run, reload }: Props) => {
  const { t, i18n } = useTranslation();
  const write = detail.abilities.write;

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', `/api/cases/${detail.id}/tasks`, {
        kind: data.get('kind'),
        dueOn: data.get('dueOn'),
        note: data.get('note') || null,
      });
      form.reset();
      await reload();
    });
  };

  const complete = (task: Task) =>
    void run(async () => {
      await api('POST', `/api/tasks/${task.id}/done`, { version: task.version });
      await reload();
    });

  return (
    <section aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">{t('tasks.title')}</h2>
      {detail.tasks.length === 0 ? (
        <p>{t('tasks.none')}</p>
      ) : (
        <ul className="task-list">
          {detail.tasks.map((task) => (
            <li key={task.id}>
              <strong>{catalogueLabel(taskKinds, task.kind, i18n.language)}</strong>{' '}
              <TaskState task={task} /> – {task.assigneeName ?? t('tasks.unassigned')}
              {task.fromEvent && <span className="muted"> ({t('tasks.fromEvent')})</span>}
              {task.note && <div>{task.note}</div>}
              {write && task.state !== 'done' && (
                <button type="button" onClick={() => complete(task)}>
                  {t('tasks.markDone')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {write && (
        <form onSubmit={add} noValidate aria-label={t('tasks.add')}>
          <label htmlFor="task-kind">{t('tasks.kind')}</label>
          <select id="task-kind" name="kind">
            {taskKinds.map((kind) => (
              <option key={kind.code} value={kind.code}>
                {i18n.language === 'en' ? kind.en : kind.sv}
              </option>
            ))}
          </select>
          <label htmlFor="task-due">{t('tasks.dueOn')}</label>
          <input id="task-due" name="dueOn" type="date" required />
          <label htmlFor="task-note">{t('tasks.note')}</label>
          <textarea id="task-note" name="note" rows={2} />
          <button type="submit">{t('tasks.add')}</button>
        </form>
      )}
    </section>
  );
};
