import { useTranslation } from 'react-i18next';
import { PasswordSettings } from './settings/PasswordSettings';
import { useHeadingFocus } from './useHeadingFocus';

/** The signed-in worker's own account: for now, her password. */
export const AccountPage = () => {
  const { t } = useTranslation();
  const heading = useHeadingFocus(null);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t('account.title')}
      </h1>
      <PasswordSettings />
    </>
  );
};
