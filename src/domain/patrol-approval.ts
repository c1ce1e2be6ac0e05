import { DiboliError } from './errors.js';
import type { NationCode } from '../kernel/nation.js';
import type { Patrol } from '../contracts/patrol.js';
import type { PatrolApprovalRecord } from '../contracts/patrol-approval.js';
import { applyPatrolAction, type PatrolLifecycle } from './patrol-lifecycle.js';

export type ApprovalOutcome =
  | { accepted: true; lifecycle: PatrolLifecycle }
  | { accepted: false; reason: 'unknown-patrol' | 'not-our-patrol' | 'not-the-approver' | 'not-a-participant' | 'already-approved' | 'not-proposed' };

/**
 * What a received approval does to the patrol it names, on the node `self`. Anything that does not
 * fit (someone else's patrol, a nation approving for another, a nation not taking part, a second
 * approval, a patrol that moved on) is a refusal, never an error: the record is kept all the same.
 */
export function receivedApprovalOutcome(self: NationCode, patrol: Patrol | undefined, approval: PatrolApprovalRecord): ApprovalOutcome {
  if (!patrol) return { accepted: false, reason: 'unknown-patrol' };
  if (patrol.owner !== self) return { accepted: false, reason: 'not-our-patrol' };
  if (approval.nation !== approval.owner) return { accepted: false, reason: 'not-the-approver' };
  try {
    return { accepted: true, lifecycle: applyPatrolAction(patrol, 'approve', { userId: approval.userId, nation: approval.nation }, approval.at) };
  } catch (error) {
    if (!(error instanceof DiboliError)) throw error;
    if (error.code === 'ERR_NOT_A_PARTICIPANT') return { accepted: false, reason: 'not-a-participant' };
    if (error.code === 'ERR_ALREADY_APPROVED') return { accepted: false, reason: 'already-approved' };
    return { accepted: false, reason: 'not-proposed' };
  }
}
