import type { PatrolApproval } from '../contracts/patrol.js';
import type { PatrolStatus } from '../contracts/vocabularies.js';
import { DiboliError } from './errors.js';
import type { NationCode } from '../kernel/nation.js';
import type { Actor } from './user.js';

export const PATROL_ACTIONS = ['propose', 'approve', 'start', 'complete', 'cancel'] as const;
export type PatrolAction = (typeof PATROL_ACTIONS)[number];

/** The part of a patrol its lifecycle depends on. */
export interface PatrolLifecycle {
  status: PatrolStatus;
  /** Participating nations: every one of them must approve. */
  nations: NationCode[];
  approvals: PatrolApproval[];
  startedAt: string | null;
  completedAt: string | null;
}

const NEXT_STATUS: Record<Exclude<PatrolAction, 'approve'>, { from: readonly PatrolStatus[]; to: PatrolStatus }> = {
  propose: { from: ['draft'], to: 'proposed' },
  start: { from: ['approved'], to: 'underway' },
  complete: { from: ['underway'], to: 'completed' },
  cancel: { from: ['draft', 'proposed', 'approved', 'underway'], to: 'cancelled' },
};

export function pendingApprovals(patrol: Pick<PatrolLifecycle, 'nations' | 'approvals'>): NationCode[] {
  const approved = new Set(patrol.approvals.map((a) => a.nation));
  return patrol.nations.filter((n) => !approved.has(n));
}

/**
 * The patrol after `action` by `actor` at `now`, or a coded error. A patrol becomes `approved`
 * only once a coordinator of every participating nation has approved it, each nation once.
 */
export function applyPatrolAction(patrol: PatrolLifecycle, action: PatrolAction, actor: Pick<Actor, 'userId' | 'nation'>, now: string): PatrolLifecycle {
  if (action === 'approve') return approve(patrol, actor, now);
  const rule = NEXT_STATUS[action];
  if (!rule.from.includes(patrol.status)) {
    if (action === 'start' && patrol.status === 'proposed') {
      throw new DiboliError('ERR_PATROL_NOT_APPROVED', { pending: pendingApprovals(patrol).join(', ') });
    }
    throw new DiboliError('ERR_PATROL_TRANSITION', { from: patrol.status, to: rule.to });
  }
  return {
    ...patrol,
    status: rule.to,
    startedAt: action === 'start' ? now : patrol.startedAt,
    completedAt: action === 'complete' ? now : patrol.completedAt,
  };
}

function approve(patrol: PatrolLifecycle, actor: Pick<Actor, 'userId' | 'nation'>, now: string): PatrolLifecycle {
  if (!patrol.nations.includes(actor.nation)) {
    throw new DiboliError('ERR_NOT_A_PARTICIPANT', { nation: actor.nation });
  }
  if (patrol.approvals.some((a) => a.nation === actor.nation)) {
    throw new DiboliError('ERR_ALREADY_APPROVED', { nation: actor.nation });
  }
  if (patrol.status !== 'proposed') {
    throw new DiboliError('ERR_PATROL_TRANSITION', { from: patrol.status, to: 'approved' });
  }
  const approvals = [...patrol.approvals, { nation: actor.nation, userId: actor.userId, at: now }];
  const complete = pendingApprovals({ nations: patrol.nations, approvals }).length === 0;
  return { ...patrol, approvals, status: complete ? 'approved' : 'proposed' };
}
