import { useTranslation } from 'react-i18next';
import type { Alert, User } from '../api/types';
import { AlertRow } from './AlertRow';
import type { RuleChoices } from './AlertRuleForm';
import { AlertRulesSection } from './AlertRulesSection';
import { isAcknowledgedBy, type AlertFeed } from './useAlerts';
import { WebhooksSection } from './WebhooksSection';

// Reading an alert is a matter of releasability; acknowledging it is a duty of these roles.
const ACKNOWLEDGERS = new Set(['coordinator', 'liaison', 'patrol_lead', 'analyst']);
// Who the node lets write alert rules, and manage the addresses alerts are posted to.
const RULE_WRITERS = new Set(['coordinator', 'analyst']);
const WEBHOOK_MANAGERS = new Set(['coordinator', 'admin']);

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
            canAcknowledge={ACKNOWLEDGERS.has(user.role)}
            onLocate={onLocate}
            onAcknowledged={feed.acknowledged}
          />
        ))}
      </ul>
      {RULE_WRITERS.has(user.role) && <AlertRulesSection nation={user.nodeNation} {...ruleChoices} />}
      {WEBHOOK_MANAGERS.has(user.role) && <WebhooksSection />}
    </div>
  );
}
