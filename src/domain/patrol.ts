import type { PatrolKind } from '../contracts/vocabularies.js';
import { DiboliError } from './errors.js';
import type { NationCode } from '../kernel/nation.js';

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
