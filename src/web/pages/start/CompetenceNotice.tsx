import { useTranslation } from 'react-i18next';
import { linkProps } from '../../navigation';
import { useRecord } from '../../queries';

type Course = { code: string; name: { sv: string; en: string } };
type Mine = { code: string; required: boolean; state: string; validUntil: string | null }[];

/**
 * The courses one's roles need that are missing, have run out, or run out within 60 days — on
 * the start page, so a worker learns it before an instrument's licence or a course lapses.
 */
export const CompetenceNotice = () => {
  const { t, i18n } = useTranslation();
  const catalogue = useRecord<{ courses: Course[] }>(
    ['competence', 'courses'],
    '/api/competence/courses',
  ).data;
  const mine = useRecord<Mine>(['competence', 'mine'], '/api/competence/mine').data;
  const name = (code: string) => {
    const course = catalogue?.courses.find((entry) => entry.code === code);
    return course ? (i18n.language === 'en' ? course.name.en : course.name.sv) : code;
  };
  // Shown once both are read; the names follow the language chosen.
  const due =
    catalogue && mine
      ? mine
          .filter((course) => course.required && course.state !== 'valid')
          .map((course) => ({ ...course, name: name(course.code) }))
      : [];

  if (due.length === 0) return null;
  return (
    <section className="role-card" aria-labelledby="competence-due">
      <h2 id="competence-due">{t('competence.dueTitle')}</h2>
      <ul>
        {due.map((course) => (
          <li key={course.name}>
            {course.name}: {t(`competence.states.${course.state}`)}
            {course.validUntil && ` (${t('competence.until', { day: course.validUntil })})`}
          </li>
        ))}
      </ul>
      <p>
        <a {...linkProps('/kompetens')}>{t('competence.dueLink')}</a>
      </p>
    </section>
  );
};
