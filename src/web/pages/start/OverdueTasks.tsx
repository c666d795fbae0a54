import { useTranslation } from 'react-i18next';
import type { WorkList } from '../../cases-api';
import { linkProps } from '../../navigation';
import { useRecord } from '../../queries';
import { taskPath } from '../case/case-tabs';

/** For team leaders: tasks of one kind past their last day in the units they lead. */
export const OverdueTasks = ({
  path,
  titleKey,
  noneKey,
}: {
  path: string;
  titleKey: string;
  noneKey: string;
}) => {
  const { t } = useTranslation();
  // The path is one of the work lists' (/api/work-lists/…): its parts are the key.
  const rows = useRecord<WorkList['tasks']>(path.split('/').slice(2), path).data ?? null;
  if (!rows) return null;

  return (
    <section aria-labelledby={`${titleKey}-heading`}>
      <h2 id={`${titleKey}-heading`}>{t(titleKey)}</h2>
      {rows.length === 0 ? (
        <p>{t(noneKey)}</p>
      ) : (
        <ul>
          {rows.map((row) => (
            <li key={row.id}>
              <a {...linkProps(taskPath(row))}>
                {row.case.person.givenName} {row.case.person.familyName}
              </a>{' '}
              – {t('overdue.due', { date: row.dueOn })}, {row.assigneeName ?? t('tasks.unassigned')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
