import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RefusedRecord, refusedItems } from './store';
import { OBSERVATION_REFUSED } from './sync';

/** Refused items in the order recorded, those of one kind refused for one reason together (a batch of positions is one line). */
function grouped(items: readonly RefusedRecord[]): { first: RefusedRecord; count: number }[] {
  const groups: { first: RefusedRecord; count: number }[] = [];
  for (const item of [...items].sort((a, b) => a.seq - b.seq)) {
    const last = groups.at(-1);
    if (last && last.first.kind === item.kind && last.first.code === item.code && last.first.message === item.message) last.count++;
    else groups.push({ first: item, count: 1 });
  }
  return groups;
}

/** What the node would not take, with its reason: kept on the device for the leader to see and report. */
export function RefusedList({ userId, revision, onBack }: { userId: string; revision: number; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<RefusedRecord[]>([]);
  useEffect(() => {
    void refusedItems(userId).then(setItems);
  }, [userId, revision]);
  return (
    <section className="field-refused">
      <button type="button" className="field-back" onClick={onBack}>
        ← {t('field.patrols.title')}
      </button>
      <h1>{t('field.refused.title')}</h1>
      <p>{t('field.refused.intro')}</p>
      <ul>
        {grouped(items).map(({ first, count }) => (
          <li key={first.seq} data-testid="refused-item">
            <strong>
              {t(`field.kind.${first.kind}`)}
              {count > 1 ? ` × ${count}` : ''}
            </strong>{' '}
            · {new Date(first.at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR')}
            <br />
            {first.code === OBSERVATION_REFUSED ? t('field.refused.observationRefused') : first.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
