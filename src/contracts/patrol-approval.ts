import { type Static, Type } from '@sinclair/typebox';
import { IdSchema, IsoDateTime, NationCodeSchema, recordIdentity } from './schema-kit.js';

/**
 * A nation's approval of a partner's joint patrol, written on the approving nation's own node and
 * released to the patrol's owner only. Its owner is the approving nation; it is released to the
 * patrol's owner.
 */
export const PatrolApprovalRecordSchema = Type.Object({
  ...recordIdentity,
  patrolId: IdSchema,
  /** The version of the patrol the approver saw. */
  patrolVersion: Type.Integer({ minimum: 1 }),
  nation: NationCodeSchema,
  userId: IdSchema,
  at: IsoDateTime,
});
export type PatrolApprovalRecord = Static<typeof PatrolApprovalRecordSchema>;
