import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RefusedRecord, refusedItems } from './store';
import { OBSERVATION_REFUSED } from './sync';

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
        {items.map((item) => (
          <li key={item.seq}>
            <strong>{t(`field.kind.${item.kind}`)}</strong> · {new Date(item.at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR')}
            <br />
            {item.code === OBSERVATION_REFUSED ? t('field.refused.observationRefused') : item.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
