import type { LineString } from '../kernel/geojson.js';
import { DiboliError } from './errors.js';
import type { NationCode } from '../kernel/nation.js';
import type { PatrolLifecycle } from './patrol-lifecycle.js';
import type { Releasable } from './sovereignty.js';

export const PATROL_KINDS = ['joint', 'national'] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];

export interface Patrol extends PatrolLifecycle, Releasable {
  id: string;
  version: number;
  name: string;
  kind: PatrolKind;
  unitIds: string[];
  axisId: string | null;
  route: LineString | null;
  plannedStart: string;
  plannedEnd: string;
  debrief: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  releasableTo: NationCode[];
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
}

/** What a planner states of a patrol (`POST /patrols`); the node derives the rest. */
export interface PatrolInput {
  name: string;
  kind: PatrolKind;
  nations?: NationCode[];
  unitIds: string[];
  axisId?: string | null;
  route?: LineString | null;
  plannedStart: string;
  plannedEnd: string;
  releasableTo?: NationCode[];
}

/** A change to a draft (`PATCH /patrols/:id`): the fields given replace the draft's. */
export type PatrolPatch = Partial<PatrolInput>;

export interface PositionReport {
  at: string;
  lat: number;
  lon: number;
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
