import { describe, expect, it } from 'vitest';
import type { Patrol } from '../../src/contracts/patrol.js';
import { receivedApprovalOutcome } from '../../src/domain/patrol-approval.js';
import type { PatrolApprovalRecord } from '../../src/contracts/patrol-approval.js';
import { patrolRecord } from '../support/patrol-record.js';

const at = '2026-01-05T09:00:00.000Z';
const patrol: Patrol = patrolRecord({
  id: 'p1',
  owner: 'ML',
  releasableTo: ['SN', 'MR'],
  version: 3,
  name: 'RN1',
  kind: 'joint',
  status: 'proposed',
  nations: ['ML', 'SN'],
  plannedStart: at,
  plannedEnd: at,
  approvals: [{ nation: 'ML', userId: 'u-ml', at }],
  createdAt: at,
  updatedAt: at,
  code: 'ML-1',
});
const approval = (over: Partial<PatrolApprovalRecord> = {}): PatrolApprovalRecord => ({
  id: 'a1',
  owner: 'SN',
  releasableTo: ['ML'],
  version: 1,
  createdAt: at,
  updatedAt: at,
  patrolId: 'p1',
  patrolVersion: 3,
  nation: 'SN',
  userId: 'u-sn',
  at,
  ...over,
});
const reason = (outcome: ReturnType<typeof receivedApprovalOutcome>) => (outcome.accepted ? 'accepted' : outcome.reason);

describe('receivedApprovalOutcome', () => {
  it('approves the patrol once the last participant approves', () => {
    const outcome = receivedApprovalOutcome('ML', patrol, approval());
    expect(outcome.accepted && outcome.lifecycle).toMatchObject({ status: 'approved', approvals: [{ nation: 'ML' }, { nation: 'SN', userId: 'u-sn', at }] });
  });

  it('refuses, without throwing, whatever does not fit', () => {
    expect(reason(receivedApprovalOutcome('ML', undefined, approval()))).toBe('unknown-patrol');
    expect(reason(receivedApprovalOutcome('SN', patrol, approval()))).toBe('not-our-patrol');
    expect(reason(receivedApprovalOutcome('ML', patrol, approval({ owner: 'MR' })))).toBe('not-the-approver');
    expect(reason(receivedApprovalOutcome('ML', patrol, approval({ owner: 'MR', nation: 'MR' })))).toBe('not-a-participant');
    expect(reason(receivedApprovalOutcome('ML', patrol, approval({ owner: 'ML', nation: 'ML' })))).toBe('already-approved');
    expect(reason(receivedApprovalOutcome('ML', { ...patrol, status: 'cancelled' }, approval()))).toBe('not-proposed');
  });
});
