import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment, LoginResult, SignInProvider } from '../../contract/sign-in';
import { api, ApiError, type SessionView } from '../api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useRecord } from '../queries';

type Step = 'password' | 'code' | 'enrol';

const errorKey = (error: unknown): string => {
  if (error instanceof ApiError) return error.problem.code;
  return 'generic';
};

/** Password, then the second factor (or linking an authenticator app the first time). */
export const LoginPage = ({
  session,
  onSignedIn,
}: {
  session: SessionView;
  onSignedIn: () => Promise<void>;
}) => {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(
    session.signedIn && session.secondFactorPending ? 'code' : 'password',
  );
  const [error, setError] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('loginError'),
  );
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const providers =
    useRecord<SignInProvider[]>(['auth', 'providers'], '/api/auth/providers').data ?? [];
  useEffect(() => heading.current?.focus(), [step]);

  const run = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(errorKey(caught));
    }
  };

  const submitPassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      const result = await api<LoginResult>('POST', '/api/auth/login', {
        username: form.get('username'),
        password: form.get('password'),
      });
      if (result.secondFactor === 'none') return onSignedIn();
      setStep(result.secondFactor === 'required' ? 'code' : 'enrol');
    });
  };

  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    void run(async () => {
      await api('POST', step === 'enrol' ? '/api/auth/totp/enrolment/confirm' : '/api/auth/totp', {
        code,
      });
      await onSignedIn();
    });
  };

  const startEnrolment = () =>
    void run(async () => setEnrolment(await api<Enrolment>('POST', '/api/auth/totp/enrolment')));

  const title =
    step === 'password'
      ? t('login.title')
      : step === 'code'
        ? t('login.codeTitle')
        : t('login.enrolTitle');

  return (
    <>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="login">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p className="muted">{t('app.tagline')}</p>
        {error && (
          <p className="error" role="alert">
            {t(`login.errors.${error}`, { defaultValue: t('login.errors.generic') })}
          </p>
        )}
        {step === 'password' && (
          <>
            <form onSubmit={submitPassword} noValidate>
              <label htmlFor="username">{t('login.username')}</label>
              <input id="username" name="username" autoComplete="username" required />
              <label htmlFor="password">{t('login.password')}</label>
              <input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
              <button type="submit">{t('login.submit')}</button>
            </form>
            {providers.length > 0 && (
              <div className="providers">
                <p>{t('login.or')}</p>
                {providers.map((provider) => (
                  <a
                    key={provider.id}
                    className="button"
                    href={`/api/auth/oidc/${provider.id}/start`}
                  >
                    {t('login.withProvider', { name: provider.name })}
                  </a>
                ))}
              </div>
            )}
          </>
        )}
        {step === 'enrol' && (
          <>
            <p>{t('login.enrolHelp')}</p>
            {!enrolment ? (
              <button type="button" onClick={startEnrolment}>
                {t('login.enrolStart')}
              </button>
            ) : (
              <>
                <div
                  className="qr"
                  role="img"
                  aria-label="QR"
                  dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
                />
                <p>
                  {t('login.secret')}: <code>{enrolment.secret}</code>
                </p>
              </>
            )}
          </>
        )}
        {(step === 'code' || (step === 'enrol' && enrolment)) && (
          <form onSubmit={submitCode} noValidate>
            {step === 'code' && <p>{t('login.codeHelp')}</p>}
            <label htmlFor="code">{t('login.code')}</label>
            <input
              id="code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
            />
            <button type="submit">{t('login.verify')}</button>
          </form>
        )}
      </main>
    </>
  );
};
