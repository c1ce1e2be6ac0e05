import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { beginEnrolment, confirmEnrolment, fetchMe, login } from '../api/endpoints';
import type { Enrolment, User } from '../api/types';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { CodeStep, EnrolmentStep, RecoveryCodesStep } from './SecondFactorSteps';

/**
 * Password first; then, for users with a second factor, the authenticator's code (the node takes
 * both in one request, so the password stays in this page's memory until then); coordinators and
 * administrators without one set it up here, and see their recovery codes once.
 */
type Step = { kind: 'password' } | { kind: 'code' } | { kind: 'enrolment'; enrolment: Enrolment } | { kind: 'recovery'; codes: string[] };

export function LoginPage({ onLoggedIn }: { onLoggedIn: (user: User) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The profile from /me carries the node's nation and the officer's secondment, which decide what
  // the UI offers; the login answer leaves them out.
  const finish = async () => onLoggedIn(await fetchMe());

  const refused = (error: unknown) => setFailure(error instanceof ApiError ? error.message : t('login.failed'));

  const attempt = async (run: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await run();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ERR_SECOND_FACTOR_REQUIRED') setStep({ kind: 'code' });
      else if (error instanceof ApiError && error.code === 'ERR_SECOND_FACTOR_ENROLMENT_REQUIRED') {
        await beginEnrolment(username, password).then((enrolment) => setStep({ kind: 'enrolment', enrolment }), refused);
      } else refused(error);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setPassword('');
    setFailure(null);
    setStep({ kind: 'password' });
  };

  const footer = <LanguageSwitch />;
  let card: ReactNode;
  if (step.kind === 'code') {
    card = (
      <CodeStep
        username={username}
        busy={busy}
        failure={failure}
        onBack={restart}
        footer={footer}
        onSubmit={(code) =>
          void attempt(async () => {
            await login(username, password, code);
            await finish();
          })
        }
      />
    );
  } else if (step.kind === 'enrolment') {
    card = (
      <EnrolmentStep
        enrolment={step.enrolment}
        busy={busy}
        failure={failure}
        onBack={restart}
        footer={footer}
        onSubmit={(code) =>
          void attempt(async () => {
            const answer = await confirmEnrolment(username, password, code);
            setPassword('');
            setStep({ kind: 'recovery', codes: answer.recoveryCodes });
          })
        }
      />
    );
  } else if (step.kind === 'recovery') {
    card = <RecoveryCodesStep codes={step.codes} onDone={() => void finish().catch(refused)} />;
  } else {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      void attempt(async () => {
        await login(username, password);
        await finish();
      });
    };
    card = (
      <form className="login-card" onSubmit={submit}>
        <h1>{t('app.name')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <h2>{t('login.title')}</h2>
        <label htmlFor="login-username">{t('login.username')}</label>
        <input id="login-username" name="username" autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} required />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
        {footer}
      </form>
    );
  }
  return <main className="login-page">{card}</main>;
}
