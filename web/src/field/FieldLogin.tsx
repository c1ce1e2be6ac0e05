import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logIn, NodeRefusal } from './api';
import { LanguageChoice } from './LanguageChoice';
import type { Profile } from './store';

/** The node's own login: username and password, and the authenticator's code when the account has one. */
export function FieldLogin({ onLoggedIn, username: known, onCancel }: { onLoggedIn: (profile: Profile) => void; username?: string; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(known ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      onLoggedIn(await logIn(username.trim(), password, askCode ? code.trim() : undefined));
    } catch (error) {
      if (error instanceof NodeRefusal && error.code === 'ERR_SECOND_FACTOR_REQUIRED') setAskCode(true);
      else setFailure(error instanceof NodeRefusal ? error.message : t('field.login.noLink'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="field-login">
      <h1>{t('field.title')}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          {t('field.login.username')}
          <input
            id="field-username"
            autoComplete="username"
            autoCapitalize="none"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </label>
        <label>
          {t('field.login.password')}
          <input
            id="field-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        {askCode && (
          <label>
            {t('field.login.code')}
            <input id="field-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(event) => setCode(event.target.value)} required />
          </label>
        )}
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="field-primary" disabled={busy}>
          {t('field.login.submit')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('field.back')}
          </button>
        )}
      </form>
      <LanguageChoice />
    </main>
  );
}
