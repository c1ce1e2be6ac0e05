import { useTranslation } from 'react-i18next';
import type { PatrolOnDevice } from './store';

export function timeOfDay(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit' });
}

/** The leader's patrols of the day, each under its code, large enough to read out on the radio. */
export function PatrolList({
  patrols,
  waiting,
  onOpen,
  onSignOut,
}: {
  patrols: PatrolOnDevice[];
  waiting: number;
  onOpen: (id: string) => void;
  onSignOut: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="field-patrols">
      <h1>{t('field.patrols.title')}</h1>
      {patrols.length === 0 && <p>{t('field.patrols.none')}</p>}
      <ul>
        {patrols.map(({ id, patrol, localStatus }) => (
          <li key={id}>
            <button type="button" className="field-patrol-card" onClick={() => onOpen(id)}>
              <span className="field-code">{patrol.code}</span>
              <span className="field-patrol-name">{patrol.name}</span>
              <span>
                {timeOfDay(patrol.plannedStart, i18n.language)} – {timeOfDay(patrol.plannedEnd, i18n.language)}
              </span>
              <span className={`field-status-badge field-${localStatus}`}>{t(`field.status.${localStatus}`, { defaultValue: localStatus })}</span>
            </button>
          </li>
        ))}
      </ul>
      {waiting > 0 && <p className="field-hint">{t('field.signOutKeeps', { count: waiting })}</p>}
      <button type="button" className="field-sign-out" onClick={onSignOut}>
        {t('field.signOut')}
      </button>
    </section>
  );
}
