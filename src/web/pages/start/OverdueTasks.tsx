import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { WorkList } from '../../cases-api';
import { linkProps } from '../../navigation';
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
  const [rows, setRows] = useState<WorkList['tasks'] | null>(null);

  useEffect(() => {
    let current = true;
    void api<WorkList['tasks']>('GET', path).then((loaded) => current && setRows(loaded));
    return () => {
      current = false;
    };
  }, [path]);
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
