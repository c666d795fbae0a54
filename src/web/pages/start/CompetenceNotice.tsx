import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { linkProps } from '../../navigation';

type Course = { code: string; name: { sv: string; en: string } };
type Mine = { code: string; required: boolean; state: string; validUntil: string | null }[];

/**
 * The courses one's roles need that are missing, have run out, or run out within 60 days — on
 * the start page, so a worker learns it before an instrument's licence or a course lapses.
 */
export const CompetenceNotice = () => {
  const { t, i18n } = useTranslation();
  const [due, setDue] = useState<{ name: string; state: string; validUntil: string | null }[]>([]);
  useEffect(() => {
    let current = true;
    void Promise.all([
      api<{ courses: Course[] }>('GET', '/api/competence/courses'),
      api<Mine>('GET', '/api/competence/mine'),
    ]).then(([catalogue, mine]) => {
      if (!current) return;
      const name = (code: string) => {
        const course = catalogue.courses.find((entry) => entry.code === code);
        return course ? (i18n.language === 'en' ? course.name.en : course.name.sv) : code;
      };
      setDue(
        mine
          .filter((course) => course.required && course.state !== 'valid')
          .map((course) => ({ ...course, name: name(course.code) })),
      );
    });
    return () => {
      current = false;
    };
  }, [i18n.language]);

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
