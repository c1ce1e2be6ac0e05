import type { Kysely } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { Observation } from '../domain/patrol.js';
import { readStringArray, writeStringArray } from './columns.js';
import { visibleTo } from './sovereignty.js';
import type { Database } from './schema.js';

/** What a patrol saw on its way: shared with the patrol's partners like the patrol itself. */
export class ObservationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(observation: Observation): Promise<void> {
    await this.db
      .insertInto('observations')
      .values({
        id: observation.id,
        owner: observation.owner,
        releasableTo: writeStringArray(observation.releasableTo),
        version: 1,
        createdAt: observation.createdAt,
        updatedAt: observation.createdAt,
        patrolId: observation.patrolId,
        at: observation.at,
        lat: observation.location?.lat ?? null,
        lon: observation.location?.lon ?? null,
        section: observation.section,
        text: observation.text,
        createdBy: observation.createdBy,
      })
      .execute();
  }

  async ofPatrol(patrolId: string, viewer: NationCode): Promise<Observation[]> {
    const rows = await this.db.selectFrom('observations').selectAll().where('patrolId', '=', patrolId).where(visibleTo(viewer)).orderBy('at').execute();
    return rows.map((r) => ({
      id: r.id,
      owner: r.owner,
      releasableTo: readStringArray(r.releasableTo),
      patrolId: r.patrolId,
      at: r.at,
      location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon },
      section: r.section,
      text: r.text,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
    }));
  }
}
