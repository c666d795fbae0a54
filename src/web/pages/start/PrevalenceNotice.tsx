import { useTranslation } from 'react-i18next';
import { linkProps } from '../../navigation';
import { useRecord } from '../../queries';

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
  const surveys = useRecord<Survey[]>(['prevalence-surveys'], '/api/prevalence-surveys').data ?? [];
  const waiting = surveys
    .filter((survey) => survey.open)
    .map((survey) => ({
      survey,
      units: survey.myUnits.filter((unit) => unit.reported.length === 0).map((unit) => unit.name),
    }))
    .filter((entry) => entry.units.length > 0);

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
