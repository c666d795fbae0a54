import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../cases-api';
import { stageLabel } from '../../labels';
import { linkProps } from '../../navigation';

type Text = { sv: string; en: string };
export type Practice = {
  case: CaseSummary;
  scenario: { id: string; title: Text } | null;
  steps: { text: Text; status: 'done' | 'notYet' | 'reflect' }[];
};

/**
 * The worker's own practice cases with feedback: which of the scenario's steps the case shows
 * done, which not yet, and which are for the worker to think over. Ending a practice closes it;
 * starting the scenario again gives a fresh case.
 */
export const PracticeList = ({
  practices,
  onEnd,
}: {
  practices: Practice[];
  onEnd: (practice: Practice) => void;
}) => {
  const { t, i18n } = useTranslation();
  const say = (text: Text) => (i18n.language === 'en' ? text.en : text.sv);
  if (practices.length === 0) return <p>{t('training.noneYet')}</p>;
  return practices.map((practice) => {
    const { case: summary } = practice;
    const name = `${summary.person.givenName} ${summary.person.familyName}`;
    const ended = summary.stage === 'closed';
    return (
      <section key={summary.id} aria-labelledby={`practice-${summary.id}`} className="role-card">
        <h3 id={`practice-${summary.id}`}>
          <a {...linkProps(`/arenden/${summary.id}`)}>
            {practice.scenario ? `${say(practice.scenario.title)} – ${name}` : name}
          </a>
        </h3>
        <p className="muted">
          {ended ? t('training.ended') : stageLabel(summary.stage, i18n.language)}
        </p>
        <ul aria-label={t('training.feedbackFor', { name })}>
          {practice.steps.map((step, index) => (
            <li key={index}>
              <strong>{t(`training.status.${step.status}`)}:</strong> {say(step.text)}
            </li>
          ))}
        </ul>
        {!ended && summary.abilities.write && (
          <button type="button" onClick={() => onEnd(practice)}>
            {t('training.end', { name })}
          </button>
        )}
      </section>
    );
  });
};
