import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Profile, refusedItems } from './store';
import type { SyncState } from './sync';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Always in sight: the link, what waits on the device, when the node last took something, what it refused. */
export function StatusBar({
  profile,
  sync,
  onSync,
  onRefused,
  onLogin,
}: {
  profile: Profile;
  sync: SyncState | null;
  onSync: () => void;
  onRefused: () => void;
  onLogin: () => void;
}) {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const waiting = sync?.waiting ?? 0;
  const lastSync = sync?.lastSyncAt
    ? new Date(sync.lastSyncAt).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit' })
    : t('field.sync.never');
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    void refusedItems(profile.id).then((items) => setRefused(items.length));
  }, [profile.id, sync?.refusedRevision]);

  return (
    <header className="field-status">
      <div className="field-status-row">
        <span className={online && !sync?.unreachable ? 'field-link field-online' : 'field-link field-offline'} data-testid="link">
          {t(online ? (sync?.unreachable ? 'field.sync.unreachable' : 'field.sync.online') : 'field.sync.offline')}
        </span>
        <span className="field-waiting" data-testid="waiting" data-count={waiting}>
          {t('field.sync.waiting', { count: waiting })}
        </span>
        <button type="button" className="field-small" onClick={onSync} disabled={!online || sync?.syncing || waiting === 0}>
          {sync?.syncing ? t('field.sync.sending') : t('field.sync.send')}
        </button>
      </div>
      <div className="field-status-row field-status-detail">
        <span data-testid="last-sync">{t('field.sync.last', { time: lastSync })}</span>
        <span className="field-user">{profile.displayName}</span>
      </div>
      {sync?.needsLogin && (
        <button type="button" className="field-warning" onClick={onLogin}>
          {t('field.sync.needsLogin')}
        </button>
      )}
      {refused > 0 && (
        <button type="button" className="field-warning" data-testid="refused-count" onClick={onRefused}>
          {t('field.refused.count', { count: refused })}
        </button>
      )}
    </header>
  );
}
