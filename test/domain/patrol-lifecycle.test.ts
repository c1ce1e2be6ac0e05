import { describe, expect, it } from 'vitest';
import type { DiboliError } from '../../src/domain/errors.js';
import { applyPatrolAction, pendingApprovals, type PatrolAction, type PatrolLifecycle } from '../../src/domain/patrol-lifecycle.js';
import type { PatrolStatus } from '../../src/contracts/vocabularies.js';

const AT = '2026-11-29T08:00:00.000Z';
const ml = { userId: 'u-ml', nation: 'ML' };
const sn = { userId: 'u-sn', nation: 'SN' };
const mr = { userId: 'u-mr', nation: 'MR' };

function patrol(status: PatrolStatus, approvedBy: string[] = [], nations = ['ML', 'SN']): PatrolLifecycle {
  return { status, nations, approvals: approvedBy.map((nation) => ({ nation, userId: `u-${nation}`, at: AT })), startedAt: null, completedAt: null };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as DiboliError).code;
  }
}

describe('patrol lifecycle', () => {
  const allowed: [string, PatrolLifecycle, PatrolAction, typeof ml, PatrolStatus][] = [
    ['a draft is proposed', patrol('draft'), 'propose', ml, 'proposed'],
    ['the first of two approvals keeps it proposed', patrol('proposed'), 'approve', ml, 'proposed'],
    ['the last approval makes it approved', patrol('proposed', ['ML']), 'approve', sn, 'approved'],
    ['a tripartite patrol is approved by its third nation', patrol('proposed', ['ML', 'SN'], ['ML', 'MR', 'SN']), 'approve', mr, 'approved'],
    ['a tripartite patrol waits for its third nation', patrol('proposed', ['ML'], ['ML', 'MR', 'SN']), 'approve', sn, 'proposed'],
    ['a national patrol needs its own nation only', patrol('proposed', [], ['ML']), 'approve', ml, 'approved'],
    ['an approved patrol starts', patrol('approved', ['ML', 'SN']), 'start', ml, 'underway'],
    ['an underway patrol completes', patrol('underway', ['ML', 'SN']), 'complete', sn, 'completed'],
    ['a draft is cancelled', patrol('draft'), 'cancel', ml, 'cancelled'],
    ['an underway patrol is cancelled', patrol('underway', ['ML', 'SN']), 'cancel', ml, 'cancelled'],
  ];
  it.each(allowed)('%s', (_name, before, action, actor, status) => {
    const after = applyPatrolAction(before, action, actor, AT);
    expect(after.status).toBe(status);
  });

  const refused: [string, PatrolLifecycle, PatrolAction, typeof ml, string][] = [
    ['approving a draft', patrol('draft'), 'approve', ml, 'ERR_PATROL_TRANSITION'],
    ['approving twice for one nation', patrol('proposed', ['ML']), 'approve', ml, 'ERR_ALREADY_APPROVED'],
    ['approving for a nation that does not take part', patrol('proposed'), 'approve', mr, 'ERR_NOT_A_PARTICIPANT'],
    ['starting before every nation approved', patrol('proposed', ['ML']), 'start', ml, 'ERR_PATROL_NOT_APPROVED'],
    ['starting a draft', patrol('draft'), 'start', ml, 'ERR_PATROL_TRANSITION'],
    ['completing an approved patrol that never started', patrol('approved', ['ML', 'SN']), 'complete', ml, 'ERR_PATROL_TRANSITION'],
    ['proposing twice', patrol('proposed'), 'propose', ml, 'ERR_PATROL_TRANSITION'],
    ['cancelling a completed patrol', patrol('completed', ['ML', 'SN']), 'cancel', ml, 'ERR_PATROL_TRANSITION'],
    ['reopening a cancelled patrol', patrol('cancelled'), 'propose', ml, 'ERR_PATROL_TRANSITION'],
  ];
  it.each(refused)('refuses %s', (_name, before, action, actor, code) => {
    expect(codeOf(() => applyPatrolAction(before, action, actor, AT))).toBe(code);
  });

  it('records when it started and completed, and who approved', () => {
    const approved = applyPatrolAction(applyPatrolAction(patrol('proposed'), 'approve', ml, AT), 'approve', sn, '2026-11-29T09:00:00.000Z');
    expect(approved.approvals).toEqual([
      { nation: 'ML', userId: 'u-ml', at: AT },
      { nation: 'SN', userId: 'u-sn', at: '2026-11-29T09:00:00.000Z' },
    ]);
    const started = applyPatrolAction(approved, 'start', ml, '2026-11-30T06:00:00.000Z');
    const completed = applyPatrolAction(started, 'complete', ml, '2026-11-30T18:00:00.000Z');
    expect([completed.startedAt, completed.completedAt]).toEqual(['2026-11-30T06:00:00.000Z', '2026-11-30T18:00:00.000Z']);
    expect(pendingApprovals(patrol('proposed', ['SN'], ['ML', 'MR', 'SN']))).toEqual(['ML', 'MR']);
  });
});
