import type { DatePrecision, Incident, IncidentChange, IncidentStatus, NewIncident, Reliability, SourceKind } from '../api/types';
import { localInputValue, toInstant } from '../forms/datetime';

/** The incident form's fields as typed: text until sent. */
export interface IncidentDraft {
  occurredAt: string;
  datePrecision: DatePrecision;
  placeName: string;
  eventType: string;
  subEventType: string;
  actors: string;
  fatalities: string;
  injured: string;
  abducted: string;
  narrative: string;
  sourceKind: SourceKind;
  sourceName: string;
  reliability: Reliability | '';
  credibility: string;
  status: IncidentStatus;
  releasableTo: string[];
}

export const COUNTS = ['fatalities', 'injured', 'abducted'] as const;
export type CountField = (typeof COUNTS)[number];

export function blankDraft(now: Date, releasableTo: readonly string[]): IncidentDraft {
  return {
    occurredAt: localInputValue(now),
    datePrecision: 'hour',
    placeName: '',
    eventType: '',
    subEventType: '',
    actors: '',
    fatalities: '',
    injured: '',
    abducted: '',
    narrative: '',
    sourceKind: 'patrol',
    sourceName: '',
    reliability: '',
    credibility: '',
    status: 'unverified',
    releasableTo: [...releasableTo],
  };
}

/** The form filled with a recorded incident, to change it; an unknown count stays blank. */
export function draftOf(incident: Incident): IncidentDraft {
  const count = (value: number | null) => (value === null ? '' : String(value));
  return {
    occurredAt: localInputValue(new Date(incident.occurredAt)),
    datePrecision: incident.datePrecision,
    placeName: incident.placeName ?? '',
    eventType: incident.eventType,
    subEventType: incident.subEventType,
    actors: incident.actors.join(', '),
    fatalities: count(incident.fatalities),
    injured: count(incident.injured),
    abducted: count(incident.abducted),
    narrative: incident.narrative ?? '',
    sourceKind: incident.source.kind,
    sourceName: incident.source.name ?? '',
    reliability: incident.source.reliability ?? '',
    credibility: incident.source.credibility === null ? '' : String(incident.source.credibility),
    status: incident.status,
    releasableTo: [...incident.releasableTo],
  };
}

/** A count as typed: blank is unknown (null), digits are the number, anything else is not a count. */
export function countOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** Count fields whose text is not a whole number. */
export function unreadableCounts(draft: IncidentDraft): CountField[] {
  return COUNTS.filter((field) => countOf(draft[field]) === undefined);
}

/** What the node is sent for a new incident; `withRelease` is false for roles that may not choose it. */
export function bodyOf(draft: IncidentDraft, location: { lat: number; lon: number } | null, withRelease: boolean): NewIncident {
  const credibility = draft.credibility ? (Number(draft.credibility) as 1 | 2 | 3 | 4 | 5 | 6) : null;
  const body: NewIncident = {
    occurredAt: toInstant(draft.occurredAt),
    datePrecision: draft.datePrecision,
    eventType: draft.eventType,
    subEventType: draft.subEventType,
    actors: draft.actors
      .split(',')
      .map((actor) => actor.trim())
      .filter(Boolean),
    fatalities: countOf(draft.fatalities) ?? null,
    injured: countOf(draft.injured) ?? null,
    abducted: countOf(draft.abducted) ?? null,
    placeName: draft.placeName.trim() || null,
    narrative: draft.narrative.trim() || null,
    source: { kind: draft.sourceKind, name: draft.sourceName.trim() || null, reliability: draft.reliability || null, credibility },
    status: draft.status,
  };
  if (location) body.location = location;
  if (withRelease) body.releasableTo = draft.releasableTo;
  return body;
}

/**
 * What changed between the recorded incident and the form: only those fields are sent, so that
 * an officer who may not release records can still correct one, and an untouched date keeps its
 * seconds.
 */
export function changesOf(incident: Incident, draft: IncidentDraft, location: { lat: number; lon: number } | null, withRelease: boolean): IncidentChange {
  const before = bodyOf(draftOf(incident), incident.location, withRelease) as Record<string, unknown>;
  const after = bodyOf(draft, location ?? incident.location, withRelease) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'releasableTo' ? !sameSet(before[key] as string[], value as string[]) : JSON.stringify(before[key]) !== JSON.stringify(value))
      changes[key] = value;
  }
  return changes as IncidentChange;
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((item) => b.includes(item));
