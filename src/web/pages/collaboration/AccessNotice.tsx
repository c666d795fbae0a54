import { useTranslation } from 'react-i18next';
import { dateText, type CaseSummary } from '../../cases-api';

/**
 * Tells a viewer outside the case's own secrecy area why they can see it, and for how long:
 * on a consent, a disclosure decision or their own break-glass. Inside the area nothing is said.
 */
export const AccessNotice = ({ access }: { access: CaseSummary['access'] }) => {
  const { t, i18n } = useTranslation();
  const kinds = ['access.consent', 'access.disclosure', 'access.break_glass'];
  if (!access.reason || !kinds.includes(access.reason)) return null;
  return (
    <p className="role-card" role="note">
      {t(`accessNotice.${access.reason.replace('access.', '')}`)}{' '}
      {access.sharedUntil &&
        t('accessNotice.until', { date: dateText(access.sharedUntil, i18n.language) })}{' '}
      {t('accessNotice.readOnly')}
    </p>
  );
};
