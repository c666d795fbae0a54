import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { dateText, type CaseDetail } from '../../cases-api';
import { recordKeys, throwOnError, useRecord } from '../../queries';

type LinkRequest = {
  id: string;
  fromUnitName: string;
  requestedAt: string;
  status: 'pending' | 'accepted' | 'declined';
  version: number;
};

type Props = { detail: CaseDetail; run: (work: () => Promise<void>) => Promise<void> };

/**
 * Requests from a perpetrator's case to link it to this victim's case (asked by her number).
 * Her own team decides: the asker is told nothing until the team accepts.
 */
export const LinkRequestsSection = ({ detail, run }: Props) => {
  const { t, i18n } = useTranslation();
  const query = useRecord<LinkRequest[]>(
    recordKeys.case(detail.id, 'link-requests'),
    `/api/cases/${detail.id}/link-requests`,
  );
  const requests = query.data ?? [];
  if (requests.length === 0) return null;

  const answer = (request: LinkRequest, accept: boolean) =>
    void run(async () => {
      await api('POST', `/api/link-requests/${request.id}/answer`, {
        accept,
        version: request.version,
      });
      await query.refetch(throwOnError);
    });

  return (
    <section aria-labelledby="link-requests-heading">
      <h2 id="link-requests-heading">{t('linkRequests.title')}</h2>
      <p>{t('linkRequests.lead')}</p>
      <ul>
        {requests.map((request) => (
          <li key={request.id}>
            {t('linkRequests.from', {
              unit: request.fromUnitName,
              date: dateText(request.requestedAt, i18n.language),
            })}{' '}
            – {t(`linkRequests.status.${request.status}`)}
            {request.status === 'pending' && detail.abilities.write && (
              <>
                {' '}
                <button type="button" onClick={() => answer(request, true)}>
                  {t('linkRequests.accept')}
                </button>{' '}
                <button type="button" onClick={() => answer(request, false)}>
                  {t('linkRequests.decline')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
