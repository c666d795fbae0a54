import { useTranslation } from 'react-i18next';
import { linkProps } from '../../navigation';
import { useRecord } from '../../queries';
import type { ReferralSummary } from '../../referrals-api';
import { ReferralState } from '../collaboration/ReferralState';

/**
 * Hand-overs from and to other organisations: unanswered incoming ones first, so nothing is left
 * "in the lap" (digest 000); the sender sees when theirs was acknowledged.
 */
export const ReferralInbox = () => {
  const { t } = useTranslation();
  const referrals = useRecord<ReferralSummary[]>(['referrals'], '/api/referrals').data ?? null;
  if (!referrals || referrals.length === 0) return null;
  const waiting = (referral: ReferralSummary) =>
    referral.direction === 'incoming' &&
    (referral.state === 'sent' || referral.state === 'overdue');
  const ordered = [...referrals.filter(waiting), ...referrals.filter((r) => !waiting(r))];
  return (
    <section aria-labelledby="referral-inbox-heading">
      <h2 id="referral-inbox-heading">{t('referrals.inboxTitle')}</h2>
      <ul>
        {ordered.slice(0, 20).map((referral) => (
          <li key={referral.id}>
            <a {...linkProps(`/overlamningar/${referral.id}`)}>
              {referral.direction === 'incoming'
                ? t('referrals.incomingRow', {
                    organisation: referral.from.organisation,
                    name: referral.subject.name,
                  })
                : t('referrals.outgoingRow', {
                    unit: referral.to.unit,
                    name: referral.subject.name,
                  })}
            </a>{' '}
            <ReferralState referral={referral} />
          </li>
        ))}
      </ul>
    </section>
  );
};
