import type { Kysely, Selectable } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { Observation, PhotoRef } from '../contracts/observation.js';
import type { ReportedVia } from '../contracts/vocabularies.js';
import { readStringArray, writeStringArray } from './columns.js';
import { visibleTo } from './sovereignty.js';
import type { Database, ObservationTable } from './schema.js';

/** What a patrol saw on its way: shared with the patrol's partners like the patrol itself. */
export class ObservationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores the observation unless the patrol already holds one with its client id; answers the
   * stored one and whether it was new (a device that lost our answer sends the same one again).
   */
  async insertOnce(observation: Observation): Promise<{ observation: Observation; created: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      if (observation.clientId !== null) {
        const held = await trx
          .selectFrom('observations')
          .select('id')
          .where('patrolId', '=', observation.patrolId)
          .where('clientId', '=', observation.clientId)
          .executeTakeFirst();
        if (held) {
          const row = await trx.selectFrom('observations').selectAll().where('id', '=', held.id).executeTakeFirstOrThrow();
          return { observation: fromRow(row, await photosOf(trx, [row.id])), created: false };
        }
      }
      await trx.insertInto('observations').values(toRow(observation)).execute();
      return { observation, created: true };
    });
  }

  async byClientId(patrolId: string, clientId: string, viewer: NationCode): Promise<Observation | undefined> {
    const row = await this.db
      .selectFrom('observations')
      .selectAll()
      .where('patrolId', '=', patrolId)
      .where('clientId', '=', clientId)
      .where(visibleTo(viewer))
      .executeTakeFirst();
    return row && fromRow(row, await photosOf(this.db, [row.id]));
  }

  async findVisible(id: string, viewer: NationCode): Promise<Observation | undefined> {
    const row = await this.db.selectFrom('observations').selectAll().where('id', '=', id).where(visibleTo(viewer)).executeTakeFirst();
    return row && fromRow(row, await photosOf(this.db, [row.id]));
  }

  async ofPatrol(patrolId: string, viewer: NationCode): Promise<Observation[]> {
    const rows = await this.db.selectFrom('observations').selectAll().where('patrolId', '=', patrolId).where(visibleTo(viewer)).orderBy('at').execute();
    const photos = await photosOf(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => fromRow(r, photos));
  }

  /** Sets the location of an observation that had none (from a photo's GPS tags). */
  async locate(id: string, location: { lat: number; lon: number }, section: string | null, at: string): Promise<void> {
    await this.db
      .updateTable('observations')
      .set({ lat: location.lat, lon: location.lon, section, updatedAt: at })
      .where('id', '=', id)
      .where('lat', 'is', null)
      .execute();
  }
}

type Reader = Pick<Kysely<Database>, 'selectFrom'>;

async function photosOf(db: Reader, observationIds: string[]): Promise<Map<string, PhotoRef[]>> {
  const byObservation = new Map<string, PhotoRef[]>();
  if (observationIds.length === 0) return byObservation;
  const rows = await db
    .selectFrom('observationPhotos')
    .innerJoin('photos', 'photos.sha256', 'observationPhotos.sha256')
    .select(['observationPhotos.observationId', 'photos.sha256', 'photos.contentType', 'photos.bytes'])
    .where('observationPhotos.observationId', 'in', observationIds)
    .orderBy('observationPhotos.addedAt')
    .execute();
  for (const { observationId, ...photo } of rows) {
    const list = byObservation.get(observationId) ?? [];
    list.push(photo);
    byObservation.set(observationId, list);
  }
  return byObservation;
}

function toRow(observation: Observation) {
  return {
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
    clientId: observation.clientId,
    eventType: observation.eventType,
    people: observation.counts.people,
    fatalities: observation.counts.fatalities,
    injured: observation.counts.injured,
    reportedVia: observation.reportedVia,
  };
}

function fromRow(r: Selectable<ObservationTable>, photos: Map<string, PhotoRef[]>): Observation {
  return {
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
    clientId: r.clientId,
    eventType: r.eventType,
    counts: { people: r.people, fatalities: r.fatalities, injured: r.injured },
    reportedVia: r.reportedVia as ReportedVia,
    photos: photos.get(r.id) ?? [],
  };
}
