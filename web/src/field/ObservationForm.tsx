import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventTypeLabel } from '../i18n/taxonomy';
import { resizedPhoto } from './photo';
import { type Counts, parseCount } from './rules';
import { currentFix, type Fix } from './tracking';

const COUNTS = ['people', 'fatalities', 'injured'] as const;
export interface ObservationInput {
  eventType: string | null;
  counts: Counts;
  text: string;
  location: { lat: number; lon: number } | null;
  photos: Blob[];
}

/** An observation: its type, counts (blank is unknown), a note and photos, stamped with the time and the position. */
export function ObservationForm({
  eventTypes,
  lastFix,
  onSave,
  onCancel,
}: {
  eventTypes: string[];
  lastFix: Fix | null;
  onSave: (input: ObservationInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [eventType, setEventType] = useState('');
  const [counts, setCounts] = useState<Record<(typeof COUNTS)[number], string>>({ people: '', fatalities: '', injured: '' });
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Blob[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const addPhotos = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    setProblem(null);
    const added: Blob[] = [];
    for (const file of files) {
      const photo = await resizedPhoto(file);
      if (photo) added.push(photo);
      else setProblem(t('field.observation.notAPhoto'));
    }
    setPhotos((held) => [...held, ...added]);
    setBusy(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = Object.fromEntries(COUNTS.map((name) => [name, parseCount(counts[name])])) as Record<string, number | null | undefined>;
    if (Object.values(parsed).some((value) => value === undefined)) return setProblem(t('field.observation.badCount'));
    if (!eventType && !text.trim()) return setProblem(t('field.observation.typeOrNote'));
    setBusy(true);
    const fix = await currentFix(lastFix);
    await onSave({
      eventType: eventType || null,
      counts: parsed as unknown as Counts,
      text: text.trim(),
      location: fix ? { lat: fix.lat, lon: fix.lon } : null,
      photos,
    });
  };

  return (
    <form className="field-form" onSubmit={(event) => void submit(event)}>
      <h1>{t('field.observation.title')}</h1>
      <label>
        {t('field.observation.type')}
        <select id="field-event-type" value={eventType} onChange={(event) => setEventType(event.target.value)}>
          <option value="">{t('field.observation.noType')}</option>
          {eventTypes.map((code) => (
            <option key={code} value={code}>
              {eventTypeLabel(code, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <div className="field-counts">
        {COUNTS.map((name) => (
          <label key={name}>
            {t(`field.observation.${name}`)}
            <input
              id={`field-count-${name}`}
              inputMode="numeric"
              pattern="[0-9]*"
              placeholder="?"
              value={counts[name]}
              onChange={(event) => setCounts((held) => ({ ...held, [name]: event.target.value }))}
            />
          </label>
        ))}
      </div>
      <p className="field-hint">{t('field.observation.blankUnknown')}</p>
      <label>
        {t('field.observation.note')}
        <textarea id="field-note" rows={4} maxLength={5000} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <label className="field-photo-button">
        {t('field.observation.addPhoto')}
        <input id="field-photo" type="file" accept="image/*" capture="environment" multiple onChange={(event) => void addPhotos(event.target.files)} />
      </label>
      <p data-testid="photo-count">{t('field.observation.photos', { count: photos.length })}</p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="field-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('field.back')}
        </button>
        <button type="submit" className="field-primary" disabled={busy}>
          {t('field.observation.save')}
        </button>
      </div>
    </form>
  );
}
