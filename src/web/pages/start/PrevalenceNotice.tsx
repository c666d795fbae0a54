import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { linkProps } from '../../navigation';

type Survey = {
  id: string;
  title: string;
  opensOn: string;
  closesOn: string;
  open: boolean;
  myUnits: { unitId: string; name: string; reported: unknown[] }[];
};

/**
 * While a point-prevalence survey takes reports, the units the worker works in that have not
 * reported yet — a survey only shows the dark figure if every unit answers in time.
 */
export const PrevalenceNotice = () => {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState<{ survey: Survey; units: string[] }[]>([]);
  useEffect(() => {
    let current = true;
    void api<Survey[]>('GET', '/api/prevalence-surveys').then((surveys) => {
      if (!current) return;
      setWaiting(
        surveys
          .filter((survey) => survey.open)
          .map((survey) => ({
            survey,
            units: survey.myUnits
              .filter((unit) => unit.reported.length === 0)
              .map((unit) => unit.name),
          }))
          .filter((entry) => entry.units.length > 0),
      );
    });
    return () => {
      current = false;
    };
  }, []);

  if (waiting.length === 0) return null;
  return (
    <section className="role-card" aria-labelledby="prevalence-due">
      <h2 id="prevalence-due">{t('prevalence.dueTitle')}</h2>
      <ul>
        {waiting.map(({ survey, units }) => (
          <li key={survey.id}>
            {t('prevalence.dueLine', {
              title: survey.title,
              from: survey.opensOn,
              to: survey.closesOn,
              units: units.join(', '),
            })}
          </li>
        ))}
      </ul>
      <p>
        <a {...linkProps('/matningar')}>{t('prevalence.dueLink')}</a>
      </p>
    </section>
  );
};
