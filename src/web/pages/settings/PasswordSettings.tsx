import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FieldErrors, useProblem } from '../problems';

/** Changing one's own password: the current one, then a new one the policy accepts. */
export const PasswordSettings = () => {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  const { problem, run } = useProblem();

  const change = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setChanged(false);
    void run(async () => {
      await api('POST', '/api/auth/password', {
        currentPassword: data.get('currentPassword'),
        newPassword: data.get('newPassword'),
      });
      form.reset();
      setChanged(true);
    });
  };

  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t('password.title')}</h2>
      <FieldErrors problem={problem} />
      {changed && <p role="status">{t('password.changed')}</p>}
      <form onSubmit={change} noValidate aria-labelledby="password-heading">
        <label htmlFor="current-password">{t('password.current')}</label>
        <input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
        />
        <label htmlFor="new-password">{t('password.new')}</label>
        <input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          aria-describedby="new-password-help"
        />
        <p id="new-password-help" className="muted">
          {t('password.help')}
        </p>
        <button type="submit">{t('password.submit')}</button>
      </form>
    </section>
  );
};
