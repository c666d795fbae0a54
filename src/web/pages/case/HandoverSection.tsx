import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { dateText, type CaseDetail } from '../../cases-api';

type Props = {
  detail: CaseDetail;
  run: (work: () => Promise<void>) => Promise<void>;
  reload: () => Promise<void>;
};

/**
 * Hand the case to a colleague with a summary. The case stays with its owner until the new
 * owner confirms on their start page, so the client never falls between two workers.
 */
export const HandoverSection = ({ detail, run, reload }: Props) => {
  const { t, i18n } = useTranslation();
  const pending = detail.pendingHandover;
  if (!detail.abilities.write || detail.stage === 'closed') return null;
  if (!pending && detail.handoverCandidates.length === 0) return null;

  const propose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    void run(async () => {
      await api('POST', `/api/cases/${detail.id}/handovers`, {
        toUserId: data.get('toUserId'),
        summary: data.get('summary'),
        version: detail.version,
      });
      await reload();
    });
  };

  const cancel = () =>
    void run(async () => {
      await api('POST', `/api/handovers/${pending!.id}/cancel`);
      await reload();
    });

  return (
    <section aria-labelledby="handover-heading">
      <h2 id="handover-heading">{t('handover.title')}</h2>
      {pending ? (
        <>
          <p role="status">
            {t('handover.waiting', {
              name: pending.toName,
              date: dateText(pending.proposedAt, i18n.language),
            })}
          </p>
          <button type="button" onClick={cancel}>
            {t('handover.cancel')}
          </button>
        </>
      ) : (
        <form onSubmit={propose} noValidate>
          <p>{t('handover.lead')}</p>
          <label htmlFor="handover-to">{t('handover.to')}</label>
          <select id="handover-to" name="toUserId">
            {detail.handoverCandidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.displayName}
              </option>
            ))}
          </select>
          <label htmlFor="handover-summary">{t('handover.summary')}</label>
          <textarea
            id="handover-summary"
            name="summary"
            rows={4}
            required
            aria-describedby="handover-summary-help"
          />
          <p id="handover-summary-help" className="muted">
            {t('handover.summaryHelp')}
          </p>
          <button type="submit">{t('handover.propose')}</button>
        </form>
      )}
    </section>
  );
};
