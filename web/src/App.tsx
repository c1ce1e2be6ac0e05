import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayHoldSession, rememberToken } from './api/client';
import { fetchMe, logout } from './api/endpoints';
import type { User } from './api/types';
import { LoginPage } from './session/LoginPage';
import { Workspace } from './shell/Workspace';

type Session = { state: 'checking' } | { state: 'anonymous' } | { state: 'signed-in'; user: User };

export function App() {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session>({ state: 'checking' });

  // A still-valid cookie or token resumes the session without a new login; a browser that holds
  // none goes straight to the login page, without a refused request.
  useEffect(() => {
    if (!mayHoldSession()) {
      setSession({ state: 'anonymous' });
      return;
    }
    fetchMe().then(
      (user) => setSession({ state: 'signed-in', user }),
      () => {
        rememberToken(null);
        setSession({ state: 'anonymous' });
      },
    );
  }, []);

  if (session.state === 'checking') return <p className="splash">{t('session.loading')}</p>;
  if (session.state === 'anonymous') return <LoginPage onLoggedIn={(user) => setSession({ state: 'signed-in', user })} />;
  return (
    <Workspace
      key={session.user.id}
      user={session.user}
      onLogout={() => {
        void logout().finally(() => setSession({ state: 'anonymous' }));
      }}
    />
  );
}
