import { useTranslation } from 'react-i18next';
import type { Mechanism, User } from '../api/types';
import { nationName } from '../i18n/format';
import { LiveIndicator } from '../live/LiveIndicator';
import type { LiveState } from '../live/useLiveStream';
import { SitrepLauncher } from '../reports/SitrepLauncher';
import { LanguageSwitch } from './LanguageSwitch';

interface HeaderProps {
  user: User;
  mechanism: Mechanism | null;
  liveState: LiveState;
  onLogout: () => void;
}

export function Header({ user, mechanism, liveState, onLogout }: HeaderProps) {
  const { t, i18n } = useTranslation();
  return (
    <header className="app-header">
      <div className="brand">
        <strong>{t('app.name')}</strong>
        <span className="mechanism">{mechanism?.name ?? t('app.tagline')}</span>
      </div>
      <div className="identity" data-testid="identity">
        <span className="user-name">{user.displayName}</span>
        <span className="user-nation" title={nationName(user.nation, i18n.language)}>
          {user.nation}
        </span>
        <span className="user-role">{t(`role.${user.role}`)}</span>
        <span className="node-nation">{t('session.node', { nation: user.nodeNation })}</span>
      </div>
      <LiveIndicator state={liveState} />
      <SitrepLauncher user={user} nations={mechanism?.nations ?? [user.nodeNation]} />
      <LanguageSwitch />
      <button type="button" className="logout" aria-label={t('session.logout')} onClick={onLogout}>
        <span className="long-label">{t('session.logout')}</span>
        <span className="short-label" aria-hidden="true">
          {t('session.logoutShort')}
        </span>
      </button>
    </header>
  );
}
