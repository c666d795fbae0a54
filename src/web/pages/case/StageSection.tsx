import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { goalAttainments } from '../../../domain/cases/stages';
import { api } from '../../api';
import type { CaseDetail } from '../../cases-api';
import { stageLabel } from '../../labels';

type Props = {
  detail: CaseDetail;
  run: (work: () => Promise<void>) => Promise<void>;
  reload: () => Promise<void>;
};

/** Moves the case on to one of the stages the server says it may go to next. */
export const StageSection = ({ detail, run, reload }: Props) => {
  const { t, i18n } = useTranslation();
  const moveTo = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', `/api/cases/${detail.id}/stage`, {
        to: form.get('to'),
        reason: form.get('reason') || null,
        goal: form.get('goal') || null,
        version: detail.version,
      });
      await reload();
    });
  };

  return (
    <form onSubmit={moveTo} aria-labelledby="stage-heading">
      <h2 id="stage-heading">{t('case.nextStage')}</h2>
      <label htmlFor="to">{t('case.moveTo')}</label>
      <select id="to" name="to">
        {detail.abilities.nextStages.map((next) => (
          <option key={next.to} value={next.to}>
            {stageLabel(next.to, i18n.language)}
          </option>
        ))}
      </select>
      <label htmlFor="reason">{t('case.reason')}</label>
      <textarea id="reason" name="reason" rows={2} aria-describedby="reason-help" />
      <p id="reason-help" className="muted">
        {t('case.reasonHelp')}
      </p>
      {detail.abilities.nextStages.some((next) => next.needsGoal) && (
        <fieldset>
          <legend>{t('case.goal.legend')}</legend>
          <p className="muted">{t('case.goal.help')}</p>
          {goalAttainments.map((goal) => (
            <label key={goal} className="choice">
              <input type="radio" name="goal" value={goal} /> {t(`case.goal.${goal}`)}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit">{t('case.move')}</button>
    </form>
  );
};
