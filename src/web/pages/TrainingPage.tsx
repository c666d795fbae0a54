import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { navigate } from '../navigation';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

type Text = { sv: string; en: string };
type Scenario = { id: string; title: Text; situation: Text; practise: Text[] };

/**
 * Training mode: situations from the reports behind Fristad, to practise on an invented person
 * before meeting a real one — for the worker who meets five cases a year. A practice case opens
 * in the worker's own unit, is marked on every page and is never counted.
 */
export const TrainingPage = () => {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus('training');
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const { problem, run } = useProblem();
  const say = (text: Text) => (i18n.language === 'en' ? text.en : text.sv);
  useEffect(() => {
    let current = true;
    void api<{ scenarios: Scenario[] }>('GET', '/api/training/scenarios').then((loaded) => {
      if (current) setScenarios(loaded.scenarios);
    });
    return () => {
      current = false;
    };
  }, []);

  const start = (scenario: Scenario) =>
    void run(async () => {
      const { id } = await api<{ id: string }>('POST', '/api/training/practice-cases', {
        scenarioId: scenario.id,
      });
      navigate(`/arenden/${id}`);
    });

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('training.title')}
      </h1>
      <p>{t('training.lead')}</p>
      <FieldErrors problem={problem} />
      {scenarios.map((scenario) => (
        <section
          key={scenario.id}
          aria-labelledby={`scenario-${scenario.id}`}
          className="role-card"
        >
          <h2 id={`scenario-${scenario.id}`}>{say(scenario.title)}</h2>
          <p>{say(scenario.situation)}</p>
          <p>{t('training.practise')}</p>
          <ul>
            {scenario.practise.map((item, index) => (
              <li key={index}>{say(item)}</li>
            ))}
          </ul>
          <button type="button" onClick={() => start(scenario)}>
            {t('training.start', { title: say(scenario.title) })}
          </button>
        </section>
      ))}
    </>
  );
};
