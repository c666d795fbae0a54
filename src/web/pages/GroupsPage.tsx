import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { linkProps } from '../navigation';
import { queryKeys, throwOnError, useRecord } from '../queries';
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

/**
 * Groups and their queues (digest 002): who waits and for how long, places free, how long those
 * who got a place waited. People are shown only where the reader may read their case.
 */
export const GroupsPage = () => {
  const { t } = useTranslation();
  const heading = useHeadingFocus('groups');
  const groupsQuery = useRecord<Group[]>(['intervention-groups'], '/api/intervention-groups');
  const typesQuery = useRecord<InterventionType[]>(
    queryKeys.interventionTypes,
    '/api/intervention-types',
  );
  const groups = groupsQuery.data ?? [];
  const types = typesQuery.data ?? [];
  const { problem, run } = useProblem();

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
      await Promise.all([groupsQuery.refetch(throwOnError), typesQuery.refetch(throwOnError)]);
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
