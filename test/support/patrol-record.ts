import type { Patrol } from '../../src/contracts/patrol.js';

const AT = '2026-01-01T00:00:00.000Z';

/**
 * A patrol as a node stores it: a national draft of its owner, with nothing planned yet, and the
 * fields a test names over it. `code` is empty: a node draws it when it stores a new patrol.
 */
export function patrolRecord(fields: Pick<Patrol, 'id' | 'owner'> & Partial<Patrol>): Patrol {
  return {
    releasableTo: [],
    version: 1,
    code: '',
    name: fields.id,
    kind: 'national',
    status: 'draft',
    nations: [fields.owner],
    unitIds: [],
    axisId: null,
    route: null,
    plannedStart: AT,
    plannedEnd: AT,
    approvals: [],
    startedAt: null,
    completedAt: null,
    debrief: null,
    createdAt: AT,
    updatedAt: AT,
    createdBy: null,
    leaderUserId: null,
    reporterUserIds: [],
    ...fields,
  };
}
