import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { throwOnError, useRecord } from '../queries';
import { FieldErrors, useProblem } from './problems';
import { useHeadingFocus } from './useHeadingFocus';

type Agreement = {
  id: string;
  title: string;
  parties: string[];
  status: string;
  signedOn: string | null;
  reviewOn: string | null;
  usedInPractice: string;
  review: 'overdue' | 'soon' | 'ok' | 'none';
  version: number;
};
const statuses = ['draft', 'active', 'expired', 'terminated'] as const;
const usages = ['yes', 'partly', 'no', 'unknown'] as const;

/**
 * The agreement register (digest 001, 004): who the municipality has agreed what with, whether
 * it is used in practice, and when it is to be reviewed — overdue reviews first.
 */
export const AgreementsPage = ({ mayEdit }: { mayEdit: boolean }) => {
  const { t } = useTranslation();
  const heading = useHeadingFocus('agreements');
  const query = useRecord<Agreement[]>(['agreements'], '/api/agreements');
  const agreements = query.data ?? [];
  const { problem, run } = useProblem();

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    void run(async () => {
      await api('PUT', '/api/agreements', {
        title: data.get('title'),
        parties: String(data.get('parties')).split('\n'),
        status: data.get('status'),
        signedOn: data.get('signedOn') || null,
        reviewOn: data.get('reviewOn') || null,
        usedInPractice: data.get('usedInPractice'),
      });
      form.reset();
      await query.refetch(throwOnError);
    });
  };

  const order = { overdue: 0, soon: 1, ok: 2, none: 3 } as const;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('agreements.title')}
      </h1>
      <p>{t('agreements.lead')}</p>
      {agreements.length === 0 ? (
        <p>{t('agreements.none')}</p>
      ) : (
        <table>
          <caption>{t('agreements.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.name')}</th>
              <th scope="col">{t('agreements.parties')}</th>
              <th scope="col">{t('agreements.status')}</th>
              <th scope="col">{t('agreements.used')}</th>
              <th scope="col">{t('agreements.reviewOn')}</th>
            </tr>
          </thead>
          <tbody>
            {[...agreements]
              .sort((a, b) => order[a.review] - order[b.review])
              .map((agreement) => (
                <tr key={agreement.id}>
                  <th scope="row">{agreement.title}</th>
                  <td>{agreement.parties.join(', ')}</td>
                  <td>{t(`agreements.statuses.${agreement.status}`)}</td>
                  <td>{t(`agreements.usages.${agreement.usedInPractice}`)}</td>
                  <td>
                    {agreement.reviewOn ?? '–'}
                    {agreement.review === 'overdue' && <strong> {t('agreements.overdue')}</strong>}
                    {agreement.review === 'soon' && <> {t('agreements.soon')}</>}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {mayEdit && (
        <form onSubmit={save} aria-labelledby="new-agreement">
          <h2 id="new-agreement">{t('agreements.new')}</h2>
          <FieldErrors problem={problem} />
          <label htmlFor="agreement-title">{t('agreements.name')}</label>
          <input id="agreement-title" name="title" required />
          <label htmlFor="agreement-parties">{t('agreements.partiesHelp')}</label>
          <textarea id="agreement-parties" name="parties" rows={2} required />
          <label htmlFor="agreement-status">{t('agreements.status')}</label>
          <select id="agreement-status" name="status" defaultValue="active">
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`agreements.statuses.${status}`)}
              </option>
            ))}
          </select>
          <label htmlFor="agreement-signed">{t('agreements.signedOn')}</label>
          <input id="agreement-signed" name="signedOn" type="date" />
          <label htmlFor="agreement-review">{t('agreements.reviewOn')}</label>
          <input id="agreement-review" name="reviewOn" type="date" />
          <label htmlFor="agreement-used">{t('agreements.used')}</label>
          <select id="agreement-used" name="usedInPractice" defaultValue="unknown">
            {usages.map((usage) => (
              <option key={usage} value={usage}>
                {t(`agreements.usages.${usage}`)}
              </option>
            ))}
          </select>
          <button type="submit">{t('agreements.save')}</button>
        </form>
      )}
    </>
  );
};
