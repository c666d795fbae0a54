import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SessionView } from './api';
import { Shell } from './components/Shell';
import { LoginPage } from './pages/LoginPage';
import { StartPage } from './pages/StartPage';

/** Loads the session and shows either the sign-in steps or the signed-in shell. */
export const App = () => {
  const { t } = useTranslation();
  const [session, setSession] = useState<SessionView | null>(null);

  const refresh = useCallback(async () => {
    setSession(await api<SessionView>('GET', '/api/session'));
  }, []);

  useEffect(() => {
    let current = true;
    void api<SessionView>('GET', '/api/session').then((loaded) => {
      if (current) setSession(loaded);
    });
    return () => {
      current = false;
    };
  }, []);

  if (!session) return <p role="status">{t('app.loading')}</p>;
  if (!session.signedIn || session.secondFactorPending) {
    return <LoginPage session={session} onSignedIn={refresh} />;
  }
  return (
    <Shell session={session} onChanged={refresh}>
      <StartPage session={session} />
    </Shell>
  );
};
