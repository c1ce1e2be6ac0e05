import type { DatabaseTransaction } from '../store/handles.js';
import type { NationCode } from '../kernel/nation.js';
import type { Patrol } from '../contracts/patrol.js';
import { receivedApprovalOutcome } from '../domain/patrol-approval.js';
import type { PatrolApprovalRecord } from '../contracts/patrol-approval.js';
import type { AuditEntry } from '../store/audit-repository.js';
import type { PatrolRepository } from '../store/patrol-repository.js';
import { writtenRecord, type ReleaseStep } from './release.js';

/**
 * The consequence of a partner's approval just stored by the puller, in the page's transaction:
 * when it fits, this node (the patrol's owner, its single writer) writes the next version of the
 * patrol and takes the release step, so it is audited and released to every partner.
 * When it does not fit, the approval stays recorded and only the refusal is audited.
 */
export async function applyReceivedApproval(
  trx: DatabaseTransaction,
  self: NationCode,
  approval: PatrolApprovalRecord,
  patrols: PatrolRepository,
  release: ReleaseStep,
  now: string,
): Promise<{ audit: AuditEntry; before?: Patrol; after?: Patrol }> {
  const detail = { from: approval.owner, id: approval.id, patrolId: approval.patrolId, nation: approval.nation };
  const before = await patrols.findIn(trx, approval.patrolId);
  const outcome = receivedApprovalOutcome(self, before, approval);
  if (!outcome.accepted || !before) {
    return { audit: { action: 'patrol-approval.ignored', detail: { ...detail, reason: outcome.accepted ? 'unknown-patrol' : outcome.reason } } };
  }
  const after: Patrol = { ...before, ...outcome.lifecycle, version: before.version + 1, updatedAt: now };
  const previous = await patrols.updateIn(trx, after);
  await release.record(trx, { record: writtenRecord('patrol', after), previous });
  return { audit: { action: 'patrol-approval.applied', detail: { ...detail, patrolVersion: after.version, status: after.status } }, before, after };
}
