import { useTranslation } from 'react-i18next';
import type { ReferralSummary } from '../../referrals-api';

/** A referral's state in words (never colour alone), with who acknowledged or by when. */
export const ReferralState = ({ referral }: { referral: ReferralSummary }) => {
  const { t } = useTranslation();
  return (
    <span className={referral.state === 'overdue' ? 'badge badge-warning' : 'badge'}>
      {t(`referrals.states.${referral.state}`, {
        date: referral.acknowledgeBy,
        name: referral.acknowledgedByName ?? '',
      })}
    </span>
  );
};
