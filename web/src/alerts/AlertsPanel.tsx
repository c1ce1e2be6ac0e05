import { useTranslation } from 'react-i18next';
import type { Alert, User } from '../api/types';
import { AlertRow } from './AlertRow';
import type { RuleChoices } from './AlertRuleForm';
import { AlertRulesSection } from './AlertRulesSection';
import { isAcknowledgedBy, type AlertFeed } from './useAlerts';
import { WebhooksSection } from './WebhooksSection';
import { can } from '../session/permissions';

interface AlertsPanelProps extends RuleChoices {
  feed: AlertFeed;
  user: User;
  onLocate: (alert: Alert) => void;
}

export function AlertsPanel({ feed, user, onLocate, ...ruleChoices }: AlertsPanelProps) {
  const { t } = useTranslation();
  return (
    <div className="alerts-panel">
      <div className="panel-toolbar">
        <h2>{t('alerts.title')}</h2>
        <span className="hint" data-testid="alerts-unacknowledged">
          {t('alerts.unacknowledged', { count: feed.unacknowledged })}
        </span>
      </div>
      {feed.failure && <p className="form-error">{t('error.loading', { message: feed.failure })}</p>}
      {!feed.loading && feed.alerts.length === 0 && <p className="empty">{t('alerts.empty')}</p>}
      <ul className="alert-list">
        {feed.alerts.map((alert) => (
          <AlertRow
            key={alert.id}
            alert={alert}
            acknowledged={isAcknowledgedBy(alert, user.id)}
            canAcknowledge={can(user, 'alert.acknowledge')}
            onLocate={onLocate}
            onAcknowledged={feed.acknowledged}
          />
        ))}
      </ul>
      {/* Reading is a matter of releasability; writing rules and addresses, of the node's permissions. */}
      {can(user, 'alert.rules') && <AlertRulesSection nation={user.nodeNation} {...ruleChoices} />}
      {can(user, 'webhook.manage') && <WebhooksSection />}
    </div>
  );
}
