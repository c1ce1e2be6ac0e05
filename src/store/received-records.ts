import type SQLite from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import type { Incident } from '../contracts/incident.js';
import type { Patrol } from '../contracts/patrol.js';
import type { LocalCopy, RecordKind } from '../domain/record-kinds.js';
import { fromRow as incidentFromRow, insertBbox, toRow as incidentRow } from './incident-repository.js';
import { postRow, unitRow, type VersionedPost, type VersionedUnit } from './organisation-repository.js';
import { toRow as patrolRow, writeApprovals } from './patrol-repository.js';
import { approvalRow } from './patrol-approval-repository.js';
import type { PatrolApprovalRecord } from '../contracts/patrol-approval.js';
import type { Database } from './schema.js';

type Trx = Transaction<Database>;

const TABLE = { incident: 'incidents', patrol: 'patrols', unit: 'units', post: 'posts', 'patrol-approval': 'patrolApprovalRecords' } as const;

/**
 * Records received from partners are stored as ordinary rows owned by their origin, so every
 * local read (and its visibility rule) sees them; these writes take no release step because a
 * received record is never released onward.
 */
export async function localCopyOf(trx: Trx, kind: RecordKind, id: string): Promise<LocalCopy | undefined> {
  return trx.selectFrom(TABLE[kind]).select(['owner', 'version']).where('id', '=', id).executeTakeFirst();
}

/** Stores a checked body (see record-bodies.ts) as the local copy, replacing an older one. */
export async function storeReceived(trx: Trx, kind: RecordKind, body: unknown): Promise<void> {
  switch (kind) {
    case 'incident': {
      const incident = body as Incident;
      await removeReceived(trx, 'incident', incident.id);
      const { seq } = await trx.insertInto('incidents').values(incidentRow(incident)).returning('seq').executeTakeFirstOrThrow();
      await insertBbox(trx, seq, incident);
      return;
    }
    case 'patrol': {
      const received = body as Patrol;
      // Bodies from a node that names no reporters yet read as none.
      const patrol: Patrol = { ...received, leaderUserId: received.leaderUserId ?? null, reporterUserIds: received.reporterUserIds ?? [] };
      // A copy numbered here before its owner sent codes may hold the code the owner gave another
      // patrol: the owner's numbering wins, and the stale copy waits for its own next version.
      await trx
        .updateTable('patrols')
        .set({ code: sql<string>`code || '~' || id` })
        .where('code', '=', patrol.code)
        .where('id', '!=', patrol.id)
        .where('owner', '=', patrol.owner)
        .execute();
      const row = patrolRow(patrol);
      await trx
        .insertInto('patrols')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      await writeApprovals(trx, patrol);
      return;
    }
    case 'unit': {
      const row = unitRow(body as VersionedUnit);
      await trx
        .insertInto('units')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'post': {
      const row = postRow(body as VersionedPost);
      await trx
        .insertInto('posts')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'patrol-approval': {
      const row = approvalRow(body as PatrolApprovalRecord);
      await trx
        .insertInto('patrolApprovalRecords')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      return;
    }
  }
}

/** The local copy of an incident as it stands, read before a retraction removes it. */
export async function receivedIncident(trx: Trx, id: string): Promise<Incident | undefined> {
  const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  return row && incidentFromRow(row);
}

export async function removeReceived(trx: Trx, kind: RecordKind, id: string): Promise<void> {
  if (kind === 'incident') {
    const row = await trx.selectFrom('incidents').select('seq').where('id', '=', id).executeTakeFirst();
    if (!row) return;
    await trx.deleteFrom('incidentBbox').where('id', '=', row.seq).execute();
    await trx.deleteFrom('incidents').where('id', '=', id).execute();
    return;
  }
  if (kind === 'patrol') {
    await trx.deleteFrom('patrolApprovals').where('patrolId', '=', id).execute();
    // This node's own observations may refer to the partner's patrol; they stay, so the copy
    // becomes an empty stub no local user can see, rather than blocking the feed forever.
    const referred = await trx.selectFrom('observations').select('id').where('patrolId', '=', id).limit(1).executeTakeFirst();
    if (referred) {
      await trx
        .updateTable('patrols')
        .set({ releasableTo: '[]', name: '', nations: '[]', unitIds: '[]', axisId: null, route: null, debrief: null, status: 'cancelled' })
        .where('id', '=', id)
        .execute();
      return;
    }
  }
  await trx.deleteFrom(TABLE[kind]).where('id', '=', id).execute();
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The catch-up hot path: incidents arrive by the hundred thousand after an outage, and Kysely
 * compiles and prepares every statement anew. These run on the same connection, so inside the
 * Kysely transaction that the caller holds open (its lock keeps every other query out meanwhile).
 */
export class ReceivedIncidents {
  private statements: ReturnType<ReceivedIncidents['prepare']> | undefined;

  constructor(private readonly sqlite: SQLite.Database) {}

  localCopyOf(id: string): LocalCopy | undefined {
    return this.prepared().find.get(id) as LocalCopy | undefined;
  }

  /** Replaces the local copy; the caller has checked the body and that it is newer. */
  store(incident: Incident): void {
    const statements = this.prepared();
    this.remove(incident.id);
    const row = incidentRow(incident);
    const { lastInsertRowid } = statements.insert.run(row);
    const { lat, lon } = incident.location;
    statements.insertBbox.run(lastInsertRowid, lon, lon, lat, lat);
  }

  remove(id: string): void {
    const statements = this.prepared();
    const existing = statements.seqOf.get(id) as { seq: number } | undefined;
    if (!existing) return;
    statements.deleteBbox.run(existing.seq);
    statements.deleteIncident.run(existing.seq);
  }

  private prepared() {
    return (this.statements ??= this.prepare());
  }

  private prepare() {
    const columns = Object.keys(incidentRow(SAMPLE_INCIDENT));
    return {
      find: this.sqlite.prepare('SELECT owner, version FROM incidents WHERE id = ?'),
      seqOf: this.sqlite.prepare('SELECT seq FROM incidents WHERE id = ?'),
      insert: this.sqlite.prepare(`INSERT INTO incidents (${columns.map(snake).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`),
      insertBbox: this.sqlite.prepare('INSERT INTO incident_bbox (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)'),
      deleteBbox: this.sqlite.prepare('DELETE FROM incident_bbox WHERE id = ?'),
      deleteIncident: this.sqlite.prepare('DELETE FROM incidents WHERE seq = ?'),
    };
  }
}

/** Only its keys matter: they name the columns of the prepared insert. */
const SAMPLE_INCIDENT: Incident = {
  id: '',
  owner: '',
  releasableTo: [],
  version: 1,
  createdAt: '',
  updatedAt: '',
  occurredAt: '',
  datePrecision: 'day',
  location: { lat: 0, lon: 0 },
  geoPrecision: 'exact',
  placeName: null,
  section: null,
  eventType: '',
  subEventType: '',
  actors: [],
  fatalities: null,
  injured: null,
  abducted: null,
  narrative: null,
  source: { kind: 'other', name: null, reliability: null, credibility: null },
  status: 'unverified',
  createdBy: null,
};
