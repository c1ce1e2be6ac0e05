import type { GeoPrecision, IncidentStatus } from '../contracts/vocabularies.js';
import type { Incident } from '../contracts/incident.js';
import type { EventType } from '../domain/event-types.js';
import { DAY_MS } from '../kernel/durations.js';
import { COT_UNKNOWN, markingLine, type CotEvent } from './cot-event.js';

/**
 * An incident as a CoT event. The type is a MIL-STD-2525 ground atom whose affiliation says how
 * the event type stands to the forces reading it: armed violence hostile (`h`), border offences
 * suspect (`s`), protests neutral (`n`), strategic developments unknown (`u`). The `how` says how
 * far the report is established: confirmed as entered by a person (`h-e`), unverified as
 * transcribed from a report (`h-t`), refuted as unreliable (`h-g-i-g-o`).
 */
export const INCIDENT_COT_TYPES: Record<EventType, string> = {
  Battles: 'a-h-G-U-C',
  'Explosions/Remote violence': 'a-h-G-E-W',
  'Violence against civilians': 'a-h-G',
  Protests: 'a-n-G',
  Riots: 'a-s-G',
  'Strategic developments': 'a-u-G',
  'Border activity': 'a-s-G',
};

export const INCIDENT_COT_HOW: Record<IncidentStatus, string> = {
  confirmed: 'h-e',
  unverified: 'h-t',
  refuted: 'h-g-i-g-o',
};

/** How far off the point may be, in metres, by the precision the author gave. */
const CIRCULAR_ERROR: Record<GeoPrecision, number> = { exact: 50, near: 5_000, region: 25_000 };

/** An incident stays on a TAK map for a day after it was last sent; the stream and the picture send it again. */
export const INCIDENT_STALE_MS = DAY_MS;

export const INCIDENT_UID_PREFIX = 'diboli.incident.';

export function incidentUid(id: string): string {
  return `${INCIDENT_UID_PREFIX}${id}`;
}

function incidentRemarks(incident: Incident): string {
  const counts = [
    incident.fatalities !== null ? `fatalities ${incident.fatalities}` : '',
    incident.injured !== null ? `injured ${incident.injured}` : '',
    incident.abducted !== null ? `abducted ${incident.abducted}` : '',
  ].filter(Boolean);
  return [
    markingLine(incident),
    `${incident.eventType} — ${incident.subEventType}`,
    `${incident.occurredAt} · ${incident.status}${incident.placeName ? ` · ${incident.placeName}` : ''}`,
    incident.actors.length > 0 ? `Actors: ${incident.actors.join('; ')}` : '',
    counts.join(', '),
    incident.narrative ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The incident as it is sent at `now`: valid from when it occurred until a day after `now`. */
export function incidentToCot(incident: Incident, now: Date): CotEvent {
  const type = INCIDENT_COT_TYPES[incident.eventType as EventType] ?? 'a-u-G';
  return {
    uid: incidentUid(incident.id),
    type,
    how: INCIDENT_COT_HOW[incident.status],
    time: now.toISOString(),
    start: new Date(Math.min(Date.parse(incident.occurredAt), now.getTime())).toISOString(),
    stale: new Date(now.getTime() + INCIDENT_STALE_MS).toISOString(),
    point: { lat: incident.location.lat, lon: incident.location.lon, hae: COT_UNKNOWN, ce: CIRCULAR_ERROR[incident.geoPrecision], le: COT_UNKNOWN },
    detail: {
      callsign: `${incident.subEventType}${incident.placeName ? ` — ${incident.placeName}` : ''}`,
      remarks: incidentRemarks(incident),
      marking: { owner: incident.owner, releasableTo: incident.releasableTo },
    },
  };
}
