import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fetchRadioSenders, sendRadioMessage, type FieldReply, type RadioSender } from '../api/endpoints';

interface Exchange {
  key: number;
  sender: string;
  text: string;
  answer: FieldReply;
}

/**
 * The radio operator's screen: a leader reads a message over the air, the operator types or pastes
 * it for that leader, and the node answers as it would answer the same text by SMS.
 */
export function RadioPanel() {
  const { t } = useTranslation();
  const [senders, setSenders] = useState<RadioSender[]>([]);
  const [sender, setSender] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [exchanges, setExchanges] = useState<Exchange[]>([]);

  useEffect(() => {
    fetchRadioSenders().then(
      (list) => {
        setSenders(list);
        setSender((current) => current || (list.find((s) => s.role === 'patrol_lead') ?? list[0])?.id || '');
      },
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!sender || text.trim() === '') return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await sendRadioMessage(sender, text);
      const name = senders.find((s) => s.id === sender)?.displayName ?? sender;
      setExchanges((list) => [{ key: (list[0]?.key ?? 0) + 1, sender: name, text, answer }, ...list].slice(0, 20));
      if (answer.outcome === 'recorded' || answer.outcome === 'duplicate' || answer.outcome === 'help') setText('');
    } catch (error) {
      setFailure(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="radio-panel">
      <div className="panel-toolbar">
        <h2>{t('radio.title')}</h2>
      </div>
      <p className="hint">{t('radio.hint')}</p>
      <form onSubmit={submit} className="radio-form">
        <label>
          {t('radio.sender')}
          <select value={sender} onChange={(e) => setSender(e.target.value)} data-testid="radio-sender">
            {senders.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName} ({s.username})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('radio.message')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} placeholder="POS ML-12 14.4551 -12.1995 0930" data-testid="radio-text" />
        </label>
        <button type="submit" disabled={busy || !sender || text.trim() === ''}>
          {t('radio.send')}
        </button>
      </form>
      {failure && <p className="form-error">{failure}</p>}
      <ol className="radio-log" aria-live="polite">
        {exchanges.map((exchange) => (
          <li key={exchange.key} className={`radio-${exchange.answer.outcome}`}>
            <p className="radio-said">
              {exchange.sender} : <code>{exchange.text}</code>
            </p>
            <output data-testid="radio-reply">{exchange.answer.reply}</output>
          </li>
        ))}
      </ol>
    </div>
  );
}
