import type { PatrolKind, ReportedVia } from '../contracts/vocabularies.js';
import { DiboliError } from './errors.js';
import type { NationCode } from '../kernel/nation.js';
import type { Releasable } from './sovereignty.js';

/** What was counted on the spot; null is "not counted", never zero. */
export interface ObservationCounts {
  people: number | null;
  fatalities: number | null;
  injured: number | null;
}

/** A photo attached to an observation, named by the SHA-256 of its stored (stripped) bytes. */
export interface PhotoRef {
  sha256: string;
  contentType: string;
  bytes: number;
}

/** Something a patrol saw or did, noted on the way (a fuel depot, a crossing point in use). */
export interface Observation extends Releasable {
  id: string;
  patrolId: string;
  at: string;
  location: { lat: number; lon: number } | null;
  section: string | null;
  text: string;
  createdAt: string;
  createdBy: string | null;
  releasableTo: NationCode[];
  /** The reporting device's own id for it: the same id again is the same observation. */
  clientId: string | null;
  eventType: string | null;
  counts: ObservationCounts;
  reportedVia: ReportedVia;
  photos: PhotoRef[];
}

export interface PositionReport {
  at: string;
  lat: number;
  lon: number;
  /** The reporting device's own id for it, so a batch sent twice is stored once. */
  clientId?: string;
}

/**
 * A joint patrol needs a unit of each participating nation; a national patrol has one nation.
 * `unitNations` maps each chosen unit to its nation (unknown units were rejected before).
 */
export function checkPatrolComposition(kind: PatrolKind, nations: readonly NationCode[], unitNations: readonly NationCode[]): void {
  if (kind === 'joint') {
    const present = new Set(unitNations);
    const missing = nations.filter((n) => !present.has(n));
    if (nations.length < 2 || missing.length > 0) {
      throw new DiboliError('ERR_JOINT_NEEDS_UNITS', { missing: missing.join(', ') || '—' }, 'unitIds');
    }
  }
}

export function checkPatrolWindow(plannedStart: string, plannedEnd: string): void {
  const start = Date.parse(plannedStart);
  const end = Date.parse(plannedEnd);
  if (Number.isNaN(start)) throw new DiboliError('ERR_VALIDATION', { detail: 'plannedStart' }, 'plannedStart');
  if (Number.isNaN(end)) throw new DiboliError('ERR_VALIDATION', { detail: 'plannedEnd' }, 'plannedEnd');
  if (end <= start) throw new DiboliError('ERR_BAD_WINDOW', {}, 'plannedEnd');
}
