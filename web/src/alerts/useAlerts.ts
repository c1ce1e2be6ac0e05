import { useCallback, useMemo } from 'react';
import { fetchAlerts } from '../api/endpoints';
import { useLoadedList } from '../api/useLoadedList';
import type { Alert, AlertAcknowledgement, AlertCancel } from '../api/types';

export interface AlertFeed {
  alerts: Alert[];
  loading: boolean;
  failure: string | null;
  /** Alerts this user has not acknowledged yet (acknowledging is personal, like the node counts it). */
  unacknowledged: number;
  reload: () => void;
  /** An alert pushed by the live stream: new ones go on top, an Update takes the place of the messages it names. */
  received: (alert: Alert) => void;
  /** A Cancel pushed by the live stream: the alerts it names are taken off the list. */
  cancelled: (cancel: AlertCancel) => void;
  acknowledged: (id: string, acknowledgements: AlertAcknowledgement[]) => void;
}

export function isAcknowledgedBy(alert: Alert, userId: string): boolean {
  return (alert.acknowledgements ?? []).some((ack) => ack.userId === userId);
}

export function useAlerts(userId: string): AlertFeed {
  const { items: alerts, loading, failure, reload, setItems: setAlerts } = useLoadedList(fetchAlerts);
  const received = useCallback(
    (alert: Alert) => {
      const replaced = new Set((alert.references ?? []).map((reference) => reference.identifier));
      setAlerts((unreplaced) => {
        const current = unreplaced.filter((other) => !replaced.has(other.id));
        const known = current.find((other) => other.id === alert.id);
        if (!known) return [{ ...alert, acknowledgements: alert.acknowledgements ?? [] }, ...current];
        return current.map((other) => (other.id === alert.id ? { ...alert, acknowledgements: alert.acknowledgements ?? other.acknowledgements } : other));
      });
    },
    [setAlerts],
  );
  const cancelled = useCallback(
    (cancel: AlertCancel) => {
      const withdrawn = new Set(cancel.references.map((reference) => reference.identifier));
      setAlerts((current) => current.filter((alert) => !withdrawn.has(alert.id)));
    },
    [setAlerts],
  );
  const acknowledged = useCallback(
    (id: string, acknowledgements: AlertAcknowledgement[]) => {
      setAlerts((current) => current.map((alert) => (alert.id === id ? { ...alert, acknowledgements } : alert)));
    },
    [setAlerts],
  );
  const unacknowledged = useMemo(() => alerts.filter((alert) => !isAcknowledgedBy(alert, userId)).length, [alerts, userId]);

  return { alerts, loading, failure, unacknowledged, reload, received, cancelled, acknowledged };
}
