import { useTranslation } from 'react-i18next';
import type { LiveState } from './useLiveStream';

/** A dot and a word: whether what the screen shows is kept up to date by the node right now. */
export function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <span className={`live-indicator ${state}`} data-testid="live-indicator" data-state={state} role="status" title={t(`live.${state}Hint`)}>
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </span>
  );
}
