import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '../api/types';
import { QrCode } from './QrCode';

/** The secret in groups of four, easier to copy by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

interface CodeFormProps {
  busy: boolean;
  failure: string | null;
  onSubmit: (code: string) => void;
  onBack: () => void;
  footer: ReactNode;
}

/** The authenticator's code, after the password was accepted. */
export function CodeStep({ username, busy, failure, onSubmit, onBack, footer }: CodeFormProps & { username: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code.trim());
  };
  return (
    <form className="login-card" onSubmit={submit}>
      <h2>{t('secondFactor.title')}</h2>
      <p className="hint">{t('secondFactor.as', { username })}</p>
      <label htmlFor="login-code">{t('secondFactor.code')}</label>
      <input
        id="login-code"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        // biome-ignore lint/a11y/noAutofocus: the officer asked for this step by logging in; the code is the only thing to type.
        autoFocus
        aria-describedby="login-code-hint"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        required
      />
      <p id="login-code-hint" className="hint">
        {t('secondFactor.codeHint')}
      </p>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('secondFactor.verify')}
      </button>
      <button type="button" onClick={onBack}>
        {t('secondFactor.back')}
      </button>
      {footer}
    </form>
  );
}

/** Setting up the authenticator: its QR code and secret, then its first code. */
export function EnrolmentStep({ enrolment, busy, failure, onSubmit, onBack, footer }: CodeFormProps & { enrolment: Enrolment }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code.trim());
  };
  return (
    <form className="login-card enrolment" onSubmit={submit}>
      <h2>{t('enrolment.title')}</h2>
      <p>{t('enrolment.intro')}</p>
      <QrCode text={enrolment.uri} label={t('enrolment.qr')} />
      <p className="hint">{t('enrolment.secret')}</p>
      <code className="enrolment-secret" data-testid="enrolment-secret">
        {grouped(enrolment.secret)}
      </code>
      <label htmlFor="enrolment-code">{t('enrolment.code')}</label>
      <input
        id="enrolment-code"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        required
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('enrolment.confirm')}
      </button>
      <button type="button" onClick={onBack}>
        {t('secondFactor.back')}
      </button>
      {footer}
    </form>
  );
}

/** The recovery codes, shown this once; the session is already open. */
export function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="login-card recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('recovery.title')}</h2>
      <p>{t('recovery.intro')}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={onDone}>
        {t('recovery.done')}
      </button>
    </section>
  );
}
