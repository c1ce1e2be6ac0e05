import type { Kysely, Selectable, Transaction } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { PatrolApprovalRecord } from '../contracts/patrol-approval.js';
import { readStringArray, writeStringArray } from './columns.js';
import { visibleTo } from './sovereignty.js';
import type { Database, PatrolApprovalRecordTable } from './schema.js';

/** Approvals given from this node (and those received from partners, stored as rows of their origin). */
export class PatrolApprovalRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores an approval given from this node, in the caller's transaction (the service releases it in the same one). */
  async insertIn(trx: Transaction<Database>, approval: PatrolApprovalRecord): Promise<void> {
    await trx.insertInto('patrolApprovalRecords').values(approvalRow(approval)).execute();
  }

  /** The approvals of one patrol that `viewer` may see, oldest first. */
  async ofPatrol(patrolId: string, viewer: NationCode): Promise<PatrolApprovalRecord[]> {
    const rows = await this.db
      .selectFrom('patrolApprovalRecords')
      .selectAll()
      .where('patrolId', '=', patrolId)
      .where(visibleTo(viewer))
      .orderBy('at')
      .execute();
    return rows.map(approvalFromRow);
  }
}

export function approvalRow(approval: PatrolApprovalRecord) {
  return {
    id: approval.id,
    owner: approval.owner,
    releasableTo: writeStringArray(approval.releasableTo),
    version: approval.version,
    createdAt: approval.createdAt,
    updatedAt: approval.updatedAt,
    patrolId: approval.patrolId,
    patrolVersion: approval.patrolVersion,
    nation: approval.nation,
    userId: approval.userId,
    at: approval.at,
  };
}

export function approvalFromRow(row: Selectable<PatrolApprovalRecordTable>): PatrolApprovalRecord {
  return { ...row, releasableTo: readStringArray(row.releasableTo) };
}
