import { chainOf, type Alert, type AlertMessage } from '../domain/alert.js';
import { DAY_MS } from '../kernel/durations.js';
import { COT_UNKNOWN, type CotEvent } from './cot-event.js';
import { deleteEvent } from './cot-delete.js';

/**
 * Early-warning alerts as TAK alerts where they fit: an alert with a place is a geofence alert
 * (`b-a-g`) at that place, one uid per chain so that an Update replaces the alert on the map; a
 * Cancel deletes it. An alert without a place (a whole section's level) has nowhere to be drawn
 * and is left to the web's alert list. The remarks are the headline in the reader's language.
 */
export const ALERT_COT_TYPE = 'b-a-g';
export const ALERT_UID_PREFIX = 'diboli.alert.';
export const ALERT_STALE_MS = DAY_MS;

export function alertToCot(message: AlertMessage, language: 'fr' | 'en', now: Date): CotEvent | undefined {
  const uid = `${ALERT_UID_PREFIX}${chainOf(message)}`;
  if (message.msgType === 'Cancel') return deleteEvent(uid, ALERT_COT_TYPE, now);
  const alert: Alert = message;
  if (!alert.location) return undefined;
  return {
    uid,
    type: ALERT_COT_TYPE,
    how: 'm-g',
    time: now.toISOString(),
    start: new Date(Math.min(Date.parse(alert.at), now.getTime())).toISOString(),
    stale: new Date(now.getTime() + ALERT_STALE_MS).toISOString(),
    point: { lat: alert.location.lat, lon: alert.location.lon, hae: COT_UNKNOWN, ce: COT_UNKNOWN, le: COT_UNKNOWN },
    detail: {
      callsign: `${alert.severity}: ${alert.headline[language]}`.slice(0, 80),
      remarks: `${alert.audience} — ${alert.headline[language]}`,
    },
  };
}
