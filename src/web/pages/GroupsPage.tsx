import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { linkProps } from '../navigation';
import { tabPath } from './case/case-tabs';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

export type Group = {
  id: string;
  theme: string;
  capacity: number;
  typeName: string;
  startsOn: string;
  figures: {
    waiting: number;
    inGroup: number;
    freePlaces: number;
    longestWaitDays: number | null;
    medianWaitDaysOfAdmitted: number | null;
  };
  people: { caseId: string; name: string; addedOn: string; admittedOn: string | null }[];
};
type InterventionType = { id: string; name: string };

const fetchBoth = () =>
  Promise.all([
    api<Group[]>('GET', '/api/intervention-groups'),
    api<InterventionType[]>('GET', '/api/intervention-types'),
  ]);

/**
 * Groups and their queues (digest 002): who waits and for how long, places free, how long those
 * who got a place waited. People are shown only where the reader may read their case.
 */
export const GroupsPage = () => {
  const { t } = useTranslation();
  const heading = useHeadingFocus('groups');
  const [groups, setGroups] = useState<Group[]>([]);
  const [types, setTypes] = useState<InterventionType[]>([]);
  const { problem, run } = useProblem();
  const load = useCallback(async () => {
    const [loadedGroups, loadedTypes] = await fetchBoth();
    setGroups(loadedGroups);
    setTypes(loadedTypes);
  }, []);
  useEffect(() => {
    let current = true;
    void fetchBoth().then(([loadedGroups, loadedTypes]) => {
      if (!current) return;
      setGroups(loadedGroups);
      setTypes(loadedTypes);
    });
    return () => {
      current = false;
    };
  }, []);

  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', '/api/intervention-groups', {
        typeId: data.get('typeId'),
        theme: data.get('theme'),
        capacity: Number(data.get('capacity')),
        startsOn: data.get('startsOn'),
      });
      form.reset();
      await load();
    });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('groups.title')}
      </h1>
      <p>{t('groups.lead')}</p>
      <FieldErrors problem={problem} />
      {groups.length === 0 && <p>{t('groups.none')}</p>}
      {groups.map((group) => (
        <article key={group.id} className="item" aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>
            {group.theme} ({group.typeName})
          </h2>
          <p>
            {t('groups.figures', {
              inGroup: group.figures.inGroup,
              capacity: group.capacity,
              waiting: group.figures.waiting,
              start: group.startsOn,
            })}{' '}
            {group.figures.longestWaitDays !== null &&
              t('groups.longest', { days: group.figures.longestWaitDays })}{' '}
            {group.figures.medianWaitDaysOfAdmitted !== null &&
              t('groups.median', { days: group.figures.medianWaitDaysOfAdmitted })}
          </p>
          {group.people.length > 0 && (
            <ul>
              {group.people.map((person) => (
                <li key={person.caseId}>
                  <a {...linkProps(tabPath(person.caseId, 'interventions'))}>{person.name}</a> –{' '}
                  {person.admittedOn
                    ? t('groups.admitted', { date: person.admittedOn })
                    : t('groups.waitingSince', { date: person.addedOn })}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
      {types.length > 0 && (
        <form onSubmit={create} noValidate aria-label={t('groups.create')}>
          <h2>{t('groups.create')}</h2>
          <label htmlFor="group-type">{t('interventions.type')}</label>
          <select id="group-type" name="typeId">
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </select>
          <label htmlFor="group-theme">{t('groups.theme')}</label>
          <input id="group-theme" name="theme" />
          <label htmlFor="group-capacity">{t('groups.capacity')}</label>
          <input id="group-capacity" name="capacity" inputMode="numeric" />
          <label htmlFor="group-start">{t('groups.startsOn')}</label>
          <input id="group-start" name="startsOn" type="date" />
          <button type="submit">{t('groups.createButton')}</button>
        </form>
      )}
    </>
  );
};
