import type { Kysely, Transaction } from 'kysely';
import type { Incident } from '../contracts/incident.js';
import type { NationCode } from '../kernel/nation.js';
import { readStringArray, writeStringArray } from './columns.js';
import type { Database } from './schema.js';

/** A stored version of an incident with its author's account, as read back. */
export interface StoredIncidentVersion {
  version: number;
  owner: NationCode;
  releasableTo: NationCode[];
  recordedAt: string;
  recordedBy: { username: string; displayName: string; nation: NationCode } | null;
  incident: Incident;
}

/** Keeps a version of an incident as written, in the caller's transaction (the write's own). */
export async function recordVersionIn(trx: Transaction<Database>, incident: Incident, recordedBy: string | null): Promise<void> {
  await trx
    .insertInto('incidentVersions')
    .values({
      incidentId: incident.id,
      version: incident.version,
      owner: incident.owner,
      releasableTo: writeStringArray(incident.releasableTo),
      body: JSON.stringify(incident),
      recordedAt: incident.updatedAt,
      recordedBy,
    })
    // A version is written once; writing it again (a retried demo seed) keeps the first.
    .onConflict((oc) => oc.columns(['incidentId', 'version']).doNothing())
    .execute();
}

/** The versions this node holds of one incident, oldest first; who may read which is decided by the caller. */
export class IncidentVersionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async ofIncident(id: string): Promise<StoredIncidentVersion[]> {
    const rows = await this.db
      .selectFrom('incidentVersions')
      .leftJoin('users', 'users.id', 'incidentVersions.recordedBy')
      .select([
        'incidentVersions.version',
        'incidentVersions.owner',
        'incidentVersions.releasableTo',
        'incidentVersions.body',
        'incidentVersions.recordedAt',
        'users.username',
        'users.displayName',
        'users.nation',
      ])
      .where('incidentVersions.incidentId', '=', id)
      .orderBy('incidentVersions.version')
      .execute();
    return rows.map((r) => ({
      version: r.version,
      owner: r.owner,
      releasableTo: readStringArray(r.releasableTo),
      recordedAt: r.recordedAt,
      recordedBy: r.username ? { username: r.username, displayName: r.displayName ?? r.username, nation: r.nation ?? r.owner } : null,
      incident: JSON.parse(r.body) as Incident,
    }));
  }
}
