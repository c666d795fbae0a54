import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../../assessments-api';
import type { Plan } from '../../plans-api';

type Props = {
  plan: Plan;
  add: (body: Record<string, unknown>) => void;
  reject: (measureCode: string, reason: string) => void;
};

/** Suggested measures, each with why; the worker adds (with the owner edited) or rejects with a reason. */
export const Suggestions = ({ plan, add, reject }: Props) => {
  const { t, i18n } = useTranslation();
  if (plan.suggestions.length === 0) return null;

  const accept = (code: string, ruleIds: string[]) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    add({
      measureCode: code,
      ownerOrganisation: form.get('owner'),
      ownerFunction: form.get('function') || null,
      dueOn: form.get('dueOn') || null,
      reviewOn: form.get('reviewOn') || null,
      suggestedBy: ruleIds,
    });
  };
  const decline = (code: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reject(code, String(new FormData(event.currentTarget).get('reason') ?? ''));
  };

  return (
    <section aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">{t('plan.suggestions')}</h3>
      <p className="muted">{t('plan.suggestionsLead')}</p>
      <ul className="task-list">
        {plan.suggestions.map((suggestion) => (
          <li key={suggestion.code} className="item">
            <strong id={`suggestion-${suggestion.code}`}>
              {inLanguage(suggestion.label, i18n.language)}
            </strong>
            <ul>
              {suggestion.reasons.map((reason) => (
                <li key={reason.ruleId}>{inLanguage(reason.because, i18n.language)}</li>
              ))}
            </ul>
            <p className="muted">
              {t('plan.usualOwner', { owner: t(`plan.owners.${suggestion.usualOwner}`) })}
              {suggestion.needs.length > 0 &&
                ` · ${t('plan.needs')}: ${suggestion.needs.map((need) => t(`plan.needsKinds.${need}`)).join(', ')}`}
            </p>
            <form
              onSubmit={accept(
                suggestion.code,
                suggestion.reasons.map((reason) => reason.ruleId),
              )}
              aria-label={t('plan.acceptNamed', {
                name: inLanguage(suggestion.label, i18n.language),
              })}
            >
              <label htmlFor={`owner-${suggestion.code}`}>{t('plan.owner')}</label>
              <input
                id={`owner-${suggestion.code}`}
                name="owner"
                defaultValue={t(`plan.owners.${suggestion.usualOwner}`)}
              />
              <label htmlFor={`function-${suggestion.code}`}>{t('plan.function')}</label>
              <input id={`function-${suggestion.code}`} name="function" />
              <label htmlFor={`due-${suggestion.code}`}>{t('plan.dueOn')}</label>
              <input id={`due-${suggestion.code}`} name="dueOn" type="date" />
              <label htmlFor={`review-${suggestion.code}`}>{t('plan.measureReviewOn')}</label>
              <input id={`review-${suggestion.code}`} name="reviewOn" type="date" />
              <button type="submit">{t('plan.accept')}</button>
            </form>
            <form
              onSubmit={decline(suggestion.code)}
              aria-label={t('plan.rejectNamed', {
                name: inLanguage(suggestion.label, i18n.language),
              })}
            >
              <label htmlFor={`reject-${suggestion.code}`}>{t('plan.rejectReason')}</label>
              <input id={`reject-${suggestion.code}`} name="reason" />
              <button type="submit">{t('plan.reject')}</button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
};
