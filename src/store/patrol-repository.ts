import { sql, type Kysely, type Transaction } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { PositionReport } from '../contracts/observation.js';
import type { Patrol } from '../contracts/patrol.js';
import type { PatrolApproval } from '../contracts/patrol.js';
import type { LineString } from '../kernel/geojson.js';
import { readStringArray, writeStringArray } from './columns.js';
import { visibleTo } from './sovereignty.js';
import type { Database, PatrolRow } from './schema.js';

/** Rows per INSERT for position batches: well under SQLite's limit of bound parameters. */
const POSITION_CHUNK = 2000;

export interface StoredPosition extends PositionReport {
  section: string | null;
}

export class PatrolRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts the patrol in the caller's transaction (the service releases it in the same one). */
  async insertIn(trx: Transaction<Database>, patrol: Patrol): Promise<void> {
    await trx.insertInto('patrols').values(toRow(patrol)).execute();
    await writeApprovals(trx, patrol);
  }

  /** Saves the patrol and its approvals in the caller's transaction; answers its releasability before. */
  async updateIn(trx: Transaction<Database>, patrol: Patrol): Promise<NationCode[]> {
    const before = await trx.selectFrom('patrols').select('releasableTo').where('id', '=', patrol.id).executeTakeFirst();
    await trx.updateTable('patrols').set(toRow(patrol)).where('id', '=', patrol.id).execute();
    await writeApprovals(trx, patrol);
    return readStringArray(before?.releasableTo ?? null);
  }

  /** The patrol whatever its releasability, read inside the caller's transaction. */
  async findIn(trx: Transaction<Database>, id: string): Promise<Patrol | undefined> {
    const row = await trx.selectFrom('patrols').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const approvals = await trx.selectFrom('patrolApprovals').selectAll().where('patrolId', '=', id).orderBy('at').execute();
    return fromRow(row, approvals);
  }

  async findVisible(id: string, viewer: NationCode): Promise<Patrol | undefined> {
    const row = await this.db.selectFrom('patrols').selectAll().where('id', '=', id).where(visibleTo(viewer)).executeTakeFirst();
    if (!row) return undefined;
    const approvals = await this.db.selectFrom('patrolApprovals').selectAll().where('patrolId', '=', id).orderBy('at').execute();
    return fromRow(row, approvals);
  }

  /** True when a patrol on this node (own or received, visible or not) holds the code. */
  async codeTaken(trx: Transaction<Database>, code: string): Promise<boolean> {
    return (await trx.selectFrom('patrols').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
  }

  async findVisibleByCode(code: string, viewer: NationCode): Promise<Patrol | undefined> {
    const row = await this.db.selectFrom('patrols').select('id').where('code', '=', code).where(visibleTo(viewer)).executeTakeFirst();
    return row ? this.findVisible(row.id, viewer) : undefined;
  }

  /**
   * Patrols of this node's nation that the user leads or reports for, in the given statuses,
   * whose planned window meets [from, to), as `viewer` may see them.
   */
  async reportedBy(userId: string, owner: NationCode, viewer: NationCode, statuses: readonly string[], from: string, to: string): Promise<Patrol[]> {
    const rows = await this.db
      .selectFrom('patrols')
      .select('id')
      .where('owner', '=', owner)
      .where('status', 'in', statuses)
      .where('plannedStart', '<', to)
      .where('plannedEnd', '>=', from)
      .where((eb) => eb.or([eb('leaderUserId', '=', userId), eb.exists(sql`(SELECT 1 FROM json_each(patrols.reporter_user_ids) WHERE value = ${userId})`)]))
      .orderBy('plannedStart')
      .execute();
    const found = await Promise.all(rows.map((r) => this.findVisible(r.id, viewer)));
    return found.filter((p): p is Patrol => p !== undefined);
  }

  async listVisible(viewer: NationCode, status?: string): Promise<Patrol[]> {
    let q = this.db.selectFrom('patrols').selectAll().where(visibleTo(viewer));
    if (status) q = q.where('status', '=', status);
    const rows = await q.orderBy('plannedStart', 'desc').limit(1000).execute();
    if (rows.length === 0) return [];
    const approvals = await this.db
      .selectFrom('patrolApprovals')
      .selectAll()
      .where(
        'patrolId',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('at')
      .execute();
    return rows.map((row) =>
      fromRow(
        row,
        approvals.filter((a) => a.patrolId === row.id),
      ),
    );
  }

  /**
   * Appends a batch of positions in one transaction: all of them or none. A position whose client
   * id the patrol already holds (or that comes twice in the batch) is not stored again; answers
   * how many were newly stored.
   */
  async insertPositions(patrolId: string, positions: readonly StoredPosition[], reportedBy: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      let stored = 0;
      for (let i = 0; i < positions.length; i += POSITION_CHUNK) {
        const chunk = positions.slice(i, i + POSITION_CHUNK);
        const result = await trx
          .insertInto('positions')
          .values(chunk.map((p) => ({ patrolId, at: p.at, lat: p.lat, lon: p.lon, section: p.section, reportedBy, clientId: p.clientId ?? null })))
          .onConflict((oc) => oc.columns(['patrolId', 'clientId']).where('clientId', 'is not', null).doNothing())
          .executeTakeFirst();
        stored += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      return stored;
    });
  }

  /** When the patrol last reported a position (its last check-in), or null. */
  async lastPositionAt(patrolId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('positions')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('patrolId', '=', patrolId)
      .executeTakeFirst();
    return (row?.at as string | null | undefined) ?? null;
  }

  /** The patrol's latest position (the TAK picture shows where a unit is, not where it went). */
  async lastPosition(patrolId: string): Promise<StoredPosition | undefined> {
    return this.db
      .selectFrom('positions')
      .select(['at', 'lat', 'lon', 'section'])
      .where('patrolId', '=', patrolId)
      .orderBy('at', 'desc')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async track(patrolId: string): Promise<StoredPosition[]> {
    return this.db.selectFrom('positions').select(['at', 'lat', 'lon', 'section']).where('patrolId', '=', patrolId).orderBy('at').orderBy('seq').execute();
  }
}

export async function writeApprovals(trx: Transaction<Database>, patrol: Patrol): Promise<void> {
  await trx.deleteFrom('patrolApprovals').where('patrolId', '=', patrol.id).execute();
  if (patrol.approvals.length > 0) {
    await trx
      .insertInto('patrolApprovals')
      .values(patrol.approvals.map((a) => ({ patrolId: patrol.id, nation: a.nation, userId: a.userId, at: a.at })))
      .execute();
  }
}

export function toRow(patrol: Patrol) {
  return {
    id: patrol.id,
    owner: patrol.owner,
    releasableTo: writeStringArray(patrol.releasableTo),
    version: patrol.version,
    createdAt: patrol.createdAt,
    updatedAt: patrol.updatedAt,
    name: patrol.name,
    kind: patrol.kind,
    status: patrol.status,
    nations: writeStringArray(patrol.nations),
    unitIds: writeStringArray(patrol.unitIds),
    axisId: patrol.axisId,
    route: patrol.route ? JSON.stringify(patrol.route) : null,
    plannedStart: patrol.plannedStart,
    plannedEnd: patrol.plannedEnd,
    startedAt: patrol.startedAt,
    completedAt: patrol.completedAt,
    debrief: patrol.debrief,
    createdBy: patrol.createdBy,
    code: patrol.code,
    leaderUserId: patrol.leaderUserId,
    reporterUserIds: writeStringArray(patrol.reporterUserIds),
  };
}

function fromRow(row: PatrolRow, approvals: { nation: string; userId: string; at: string }[]): Patrol {
  return {
    id: row.id,
    owner: row.owner,
    releasableTo: readStringArray(row.releasableTo),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    name: row.name,
    kind: row.kind as Patrol['kind'],
    status: row.status as Patrol['status'],
    nations: readStringArray(row.nations),
    unitIds: readStringArray(row.unitIds),
    axisId: row.axisId,
    route: row.route ? (JSON.parse(row.route) as LineString) : null,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    debrief: row.debrief,
    createdBy: row.createdBy,
    code: row.code,
    leaderUserId: row.leaderUserId,
    reporterUserIds: readStringArray(row.reporterUserIds),
    approvals: approvals.map((a): PatrolApproval => ({ nation: a.nation, userId: a.userId, at: a.at })),
  };
}
