import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { acknowledgeAlert, capDocumentUrl } from '../api/endpoints';
import type { Alert, AlertAcknowledgement } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { THREAT_COLOURS } from '../map/palette';
import { ReleaseBadge } from '../shell/ReleaseBadge';

interface AlertRowProps {
  alert: Alert;
  acknowledged: boolean;
  canAcknowledge: boolean;
  onLocate: (alert: Alert) => void;
  onAcknowledged: (id: string, acknowledgements: AlertAcknowledgement[]) => void;
}

export function AlertRow({ alert, acknowledged, canAcknowledge, onLocate, onAcknowledged }: AlertRowProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headline = i18n.language === 'en' ? alert.headline.en : alert.headline.fr;

  const acknowledge = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await acknowledgeAlert(alert.id);
      onAcknowledged(alert.id, answer.acknowledgements);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('alerts.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`alert-row severity-${alert.severity}${acknowledged ? ' acknowledged' : ''}`}
      data-alert-id={alert.id}
      data-acknowledged={acknowledged}
      style={{ borderLeftColor: THREAT_COLOURS[alert.severity] }}
    >
      <div className="alert-main">
        <span className="severity-chip" style={{ background: THREAT_COLOURS[alert.severity] }}>
          {t(`threat.${alert.severity}`)}
        </span>
        <button type="button" className="link alert-headline" onClick={() => onLocate(alert)} disabled={!alert.location && !alert.section}>
          {headline}
        </button>
        <ReleaseBadge owner={alert.owner} releasableTo={alert.releasableTo} />
      </div>
      <p className="row-meta">
        {formatDateTime(alert.at, i18n.language)}
        {alert.section && ` · ${alert.section}`} · {t(`alerts.kinds.${alert.ruleKind}`, { defaultValue: alert.ruleKind })}
      </p>
      <div className="alert-actions">
        {acknowledged ? (
          <span className="acknowledged-note">✓ {t('alerts.acknowledged')}</span>
        ) : (
          canAcknowledge && (
            <button type="button" className="primary" disabled={busy} data-verb="alert.acknowledge" onClick={() => void acknowledge()}>
              {t('alerts.acknowledge')}
            </button>
          )
        )}
        {alert.public && (
          <a href={capDocumentUrl(alert.id)} target="_blank" rel="noopener" className="cap-link">
            {t('alerts.cap')}
          </a>
        )}
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}
