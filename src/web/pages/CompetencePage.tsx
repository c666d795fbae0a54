import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { throwOnError, useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

type Catalogue = { courses: { code: string; name: { sv: string; en: string } }[] };
type Mine = { code: string; required: boolean; state: string; validUntil: string | null }[];
type Coverage = {
  unitId: string;
  name: string;
  staff: {
    userId: string;
    name: string;
    courses: { code: string; state: string; validUntil: string | null }[];
  }[];
  coverage: { code: string; needed: number; held: number }[];
}[];

/**
 * The competence register (digest 001, 004): one's own courses against what one's role needs,
 * and for team leaders and coordinators each unit's coverage — who lacks what, and what must be
 * renewed soon — so training can be planned before turnover takes the knowledge.
 */
export const CompetencePage = ({ mayPlan }: { mayPlan: boolean }) => {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus('competence');
  const { problem, run } = useProblem();
  const catalogueQuery = useRecord<Catalogue>(['competence', 'courses'], '/api/competence/courses');
  const mineQuery = useRecord<Mine>(['competence', 'mine'], '/api/competence/mine');
  const coverageQuery = useRecord<Coverage>(
    ['competence', 'coverage'],
    mayPlan ? '/api/competence/coverage' : null,
  );
  const readAll = () =>
    Promise.all([
      catalogueQuery.refetch(throwOnError),
      mineQuery.refetch(throwOnError),
      mayPlan ? coverageQuery.refetch(throwOnError) : undefined,
    ]);

  const catalogue = catalogueQuery.data;
  const mine = mineQuery.data;
  const coverage = coverageQuery.data ?? [];
  // The page is shown once all it reads is there, as one.
  if (!catalogue || !mine || (mayPlan && !coverageQuery.data))
    return <p role="status">{t('app.loading')}</p>;
  const name = (code: string) => {
    const course = catalogue.courses.find((entry) => entry.code === code);
    return course ? (i18n.language === 'en' ? course.name.en : course.name.sv) : code;
  };
  const stateText = (state: string, validUntil: string | null) =>
    `${t(`competence.states.${state}`)}${validUntil ? ` (${t('competence.until', { day: validUntil })})` : ''}`;

  const record = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('POST', '/api/competence/records', {
        courseCode: data.get('courseCode'),
        completedOn: data.get('completedOn'),
      });
      form.reset();
      await readAll();
    });
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('competence.title')}
      </h1>
      <p>{t('competence.lead')}</p>
      <h2>{t('competence.mine')}</h2>
      {!mine.some((course) => course.required || course.state !== 'missing') && (
        <p>{t('competence.noneOwn')}</p>
      )}
      <ul>
        {mine
          .filter((course) => course.required || course.state !== 'missing')
          .map((course) => (
            <li key={course.code}>
              {name(course.code)}: {stateText(course.state, course.validUntil)}
              {course.required && ` – ${t('competence.required')}`}
            </li>
          ))}
      </ul>
      <form onSubmit={record} aria-labelledby="record-course">
        <h2 id="record-course">{t('competence.record')}</h2>
        <FieldErrors problem={problem} />
        <label htmlFor="course-code">{t('competence.course')}</label>
        <select id="course-code" name="courseCode">
          {catalogue.courses.map((course) => (
            <option key={course.code} value={course.code}>
              {name(course.code)}
            </option>
          ))}
        </select>
        <label htmlFor="course-completed">{t('competence.completedOn')}</label>
        <input id="course-completed" name="completedOn" type="date" required />
        <button type="submit">{t('competence.save')}</button>
      </form>
      {mayPlan &&
        coverage.map((unit) => (
          <section key={unit.unitId} aria-labelledby={`unit-${unit.unitId}`}>
            <h2 id={`unit-${unit.unitId}`}>{unit.name}</h2>
            <ul>
              {unit.coverage.map((entry) => (
                <li key={entry.code}>
                  {t('competence.coverage', {
                    course: name(entry.code),
                    held: entry.held,
                    needed: entry.needed,
                  })}
                </li>
              ))}
            </ul>
            <div className="table-scroll">
              <table>
                <caption>{t('competence.staffCaption', { unit: unit.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('competence.person')}</th>
                    <th scope="col">{t('competence.needs')}</th>
                  </tr>
                </thead>
                <tbody>
                  {unit.staff.map((person) => (
                    <tr key={person.userId}>
                      <th scope="row">{person.name}</th>
                      <td>
                        {person.courses
                          .map(
                            (course) =>
                              `${name(course.code)}: ${stateText(course.state, course.validUntil)}`,
                          )
                          .join('; ') || t('competence.nothingRequired')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
    </>
  );
};
