import { useTranslation } from 'react-i18next';

export type Tab = 'incidents' | 'patrols' | 'coverage' | 'alerts' | 'news' | 'details' | 'radio' | 'phones';

interface TabStripProps {
  tabs: readonly Tab[];
  current: Tab;
  onChoose: (tab: Tab) => void;
  alertCount: number;
  candidateCount: number;
}

/** The side panel's tabs, with the count of what waits in each (alerts to acknowledge, news to review). */
export function TabStrip({ tabs, current, onChoose, alertCount, candidateCount }: TabStripProps) {
  const { t } = useTranslation();
  return (
    <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
      {tabs.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`tab-${name}`}
          aria-selected={current === name}
          aria-controls={`panel-${name}`}
          onClick={() => onChoose(name)}
        >
          {t(`tabs.${name}`)}
          {name === 'alerts' && alertCount > 0 && (
            // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label words the number inside the tab's name (« 3 alertes »).
            <span className="count-badge" data-testid="alert-badge" aria-label={t('alerts.badge', { count: alertCount })}>
              {alertCount}
            </span>
          )}
          {name === 'news' && candidateCount > 0 && (
            // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label words the number inside the tab's name.
            <span className="count-badge quiet" aria-label={t('news.pending', { count: candidateCount })}>
              {candidateCount}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
