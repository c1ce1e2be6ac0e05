import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function DebriefForm({ onSave }: { onSave: (text: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    await onSave(text.trim()).finally(() => setBusy(false));
  };
  return (
    <form className="field-form" onSubmit={(event) => void submit(event)}>
      <label>
        {t('field.debrief.label')}
        <textarea id="field-debrief" rows={8} maxLength={20_000} value={text} onChange={(event) => setText(event.target.value)} required />
      </label>
      <button type="submit" className="field-primary" disabled={busy || !text.trim()}>
        {t('field.debrief.save')}
      </button>
    </form>
  );
}
