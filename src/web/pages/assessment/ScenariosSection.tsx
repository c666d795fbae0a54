import { useTranslation } from 'react-i18next';
import type { AssessmentContent, InstrumentDefinition } from '../../assessments-api';
import { ChoiceGroup } from './ChoiceGroup';

/**
 * The scenarios of a structured judgement: what could happen, each with how serious it would
 * be. The worker adds as many as the case needs.
 */
export const ScenariosSection = ({
  definition,
  content,
  change,
}: {
  definition: InstrumentDefinition;
  content: AssessmentContent;
  change: (next: AssessmentContent) => void;
}) => {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading">{t('assessment.scenarios')}</h2>
      {content.scenarios.map((scenario, index) => (
        <div
          key={index}
          className="item"
          role="group"
          aria-label={t('assessment.scenarioN', { n: index + 1 })}
        >
          <label htmlFor={`scenario-${index}`}>
            {t('assessment.scenarioText', { n: index + 1 })}
          </label>
          <textarea
            id={`scenario-${index}`}
            rows={2}
            value={scenario.description}
            onChange={(event) =>
              change({
                ...content,
                scenarios: content.scenarios.map((entry, at) =>
                  at === index ? { ...entry, description: event.target.value } : entry,
                ),
              })
            }
          />
          <ChoiceGroup
            name={`scenario-${index}-level`}
            legend={t('assessment.scenarioLevel')}
            scale={definition.scales[definition.scenarios!.levelScale]!}
            value={scenario.level}
            onChange={(level) =>
              change({
                ...content,
                scenarios: content.scenarios.map((entry, at) =>
                  at === index ? { ...entry, level: level as string | null } : entry,
                ),
              })
            }
          />
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          change({
            ...content,
            scenarios: [...content.scenarios, { description: '', level: null }],
          })
        }
      >
        {t('assessment.addScenario')}
      </button>
    </section>
  );
};
