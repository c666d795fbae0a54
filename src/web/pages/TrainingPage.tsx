import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { navigate } from '../navigation';
import { useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';
import { PracticeList, type Practice } from './training/PracticeList';

type Text = { sv: string; en: string };
type Scenario = { id: string; title: Text; situation: Text; practise: { text: Text }[] };

/**
 * Training mode: situations from the reports behind Fristad, to practise on an invented person
 * before meeting a real one — for the worker who meets five cases a year. A practice case opens
 * in the worker's own unit, is marked on every page and is never counted.
 */
export const TrainingPage = () => {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus('training');
  const { problem, run } = useProblem();
  const say = (text: Text) => (i18n.language === 'en' ? text.en : text.sv);
  const scenarios =
    useRecord<{ scenarios: Scenario[] }>(['training', 'scenarios'], '/api/training/scenarios').data
      ?.scenarios ?? [];
  const practicesQuery = useRecord<{ practices: Practice[] }>(
    ['training', 'practice-cases'],
    '/api/training/practice-cases',
  );
  const practices = practicesQuery.data?.practices ?? null;

  const end = (practice: Practice) =>
    void run(async () => {
      await api('POST', `/api/training/practice-cases/${practice.case.id}/end`, {
        version: practice.case.version,
      });
      void practicesQuery.refetch();
    });

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
      <h2>{t('training.mine')}</h2>
      {practices && <PracticeList practices={practices} onEnd={end} />}
      <h2>{t('training.scenarios')}</h2>
      {scenarios.map((scenario) => (
        <section
          key={scenario.id}
          aria-labelledby={`scenario-${scenario.id}`}
          className="role-card"
        >
          <h3 id={`scenario-${scenario.id}`}>{say(scenario.title)}</h3>
          <p>{say(scenario.situation)}</p>
          <p>{t('training.practise')}</p>
          <ul>
            {scenario.practise.map((step, index) => (
              <li key={index}>{say(step.text)}</li>
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
