import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { jsonBuildObject } from 'kysely/helpers/sqlite';
import type { Incident } from '../contracts/incident.js';
import type { InformationCredibility, SourceKind, SourceReliability } from '../contracts/vocabularies.js';
import type { NationCode } from '../kernel/nation.js';
import { round6 } from '../geo/geojson-output.js';
import { readStringArray, writeStringArray } from './columns.js';
import { recordVersionIn } from './incident-version-repository.js';
import { liesIn, placeCellsOf, rtreeAround } from './incidents-in-box.js';
import { incidentTextMatch } from './text-search.js';
import { visibleTo } from './sovereignty.js';
import type { Database, IncidentRow } from './schema.js';

export interface IncidentQuery {
  bbox?: [number, number, number, number];
  from?: string;
  to?: string;
  eventType?: string;
  section?: string;
  owner?: NationCode;
  status?: string;
  /** Free text: every word in the narrative, place, actors, source, id or type names. */
  q?: string;
  limit: number;
}

type Db = Kysely<Database> | Transaction<Database>;

/** Where a page of an export ended: the list's order is newest first, then latest recorded. */
export interface PageCursor {
  occurredAt: string;
  seq: number;
}

/** An incident as exports write it: with the key it had in the data set it was imported from. */
export interface ExportedIncident extends Incident {
  importedFrom: string | null;
  externalId: string | null;
}

export class IncidentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts the incident and its R*Tree entry in the caller's transaction (the service releases it in the same one). */
  async insertIn(trx: Transaction<Database>, incident: Incident): Promise<void> {
    const { seq } = await trx.insertInto('incidents').values(toRow(incident)).returning('seq').executeTakeFirstOrThrow();
    await insertBbox(trx, seq, incident);
    await recordVersionIn(trx, incident, incident.createdBy);
  }

  /**
   * Replaces the stored version in the caller's transaction; the caller has checked ownership and
   * bumped `version`. Answers the releasability the record had before, read in the same transaction.
   */
  async updateIn(trx: Transaction<Database>, incident: Incident, recordedBy: string | null): Promise<NationCode[]> {
    const before = await trx.selectFrom('incidents').select('releasableTo').where('id', '=', incident.id).executeTakeFirst();
    const { seq } = await trx.updateTable('incidents').set(toRow(incident)).where('id', '=', incident.id).returning('seq').executeTakeFirstOrThrow();
    await trx.deleteFrom('incidentBbox').where('id', '=', seq).execute();
    await insertBbox(trx, seq, incident);
    await recordVersionIn(trx, incident, recordedBy);
    return readStringArray(before?.releasableTo ?? null);
  }

  async findVisible(id: string, viewer: NationCode): Promise<Incident | undefined> {
    const row = await this.db.selectFrom('incidents').selectAll().where('id', '=', id).where(visibleTo(viewer)).executeTakeFirst();
    return row && fromRow(row);
  }

  /** Incidents the viewer may see, newest first; the bounding box goes through the R*Tree. */
  async search(viewer: NationCode, query: IncidentQuery): Promise<Incident[]> {
    const rows = await this.matching(viewer, query).selectAll('incidents').execute();
    return rows.map(fromRow);
  }

  /**
   * The same incidents as `search`, as a GeoJSON FeatureCollection in UTF-8. SQLite writes each
   * record's properties itself and hands over their bytes: going through row objects, `Incident`s,
   * a serializer and JavaScript strings made the picture of ten thousand incidents cost a second of
   * the node's time, most of it in the garbage collector. Coordinates are written here, at the
   * 6 decimals of everything the node sends (see geo/geojson-output.ts).
   */
  async searchAsGeoJson(viewer: NationCode, query: IncidentQuery): Promise<Buffer> {
    const rows = await this.matching(viewer, query)
      .select((eb) => [
        'incidents.id',
        'incidents.lon',
        'incidents.lat',
        asBytes(
          jsonBuildObject({
            id: eb.ref('incidents.id'),
            owner: eb.ref('incidents.owner'),
            releasableTo: jsonArrayColumn(eb.ref('incidents.releasableTo')),
            section: eb.ref('incidents.section'),
            occurredAt: eb.ref('incidents.occurredAt'),
            datePrecision: eb.ref('incidents.datePrecision'),
            geoPrecision: eb.ref('incidents.geoPrecision'),
            placeName: eb.ref('incidents.placeName'),
            eventType: eb.ref('incidents.eventType'),
            subEventType: eb.ref('incidents.subEventType'),
            actors: jsonArrayColumn(eb.ref('incidents.actors')),
            fatalities: eb.ref('incidents.fatalities'),
            injured: eb.ref('incidents.injured'),
            abducted: eb.ref('incidents.abducted'),
            narrative: eb.ref('incidents.narrative'),
            source: jsonBuildObject({
              kind: eb.ref('incidents.sourceKind'),
              name: eb.ref('incidents.sourceName'),
              reliability: eb.ref('incidents.sourceReliability'),
              credibility: eb.ref('incidents.sourceCredibility'),
            }),
            status: eb.ref('incidents.status'),
            version: eb.ref('incidents.version'),
            createdAt: eb.ref('incidents.createdAt'),
            updatedAt: eb.ref('incidents.updatedAt'),
          }),
        ).as('properties'),
      ])
      .execute();
    const parts: Buffer[] = [Buffer.from('{"type":"FeatureCollection","features":[')];
    for (const [index, row] of rows.entries()) {
      const head = `${index === 0 ? '' : ','}{"type":"Feature","id":${JSON.stringify(row.id)},"geometry":{"type":"Point","coordinates":[${round6(row.lon)},${round6(row.lat)}]},"properties":`;
      parts.push(Buffer.from(head), row.properties, FEATURE_END);
    }
    parts.push(Buffer.from(']}'));
    return Buffer.concat(parts);
  }

  /**
   * One page of the same incidents, for exports too long for one answer: `after` is where the
   * previous page ended. Each page is a query of its own, so the node's one connection is never
   * held by a half-read export. Each incident comes with the key of the data set it was imported
   * from, if any (`imported_events`).
   */
  async page(
    viewer: NationCode,
    query: IncidentQuery,
    after: PageCursor | undefined,
    size: number,
  ): Promise<{ incidents: ExportedIncident[]; next: PageCursor | undefined }> {
    let q = this.matching(viewer, { ...query, limit: size });
    if (after) {
      // A row value, so that SQLite walks the (occurred_at, rowid) index from where the page ended.
      q = q.where(sql<SqlBool>`(incidents.occurred_at, incidents.seq) < (${after.occurredAt}, ${after.seq})`);
    }
    const rows = await q
      .leftJoin('importedEvents', 'importedEvents.incidentId', 'incidents.id')
      .selectAll('incidents')
      .select(['importedEvents.source as importedFrom', 'importedEvents.externalId as externalId'])
      .execute();
    const last = rows.at(-1);
    return {
      incidents: rows.map((row) => ({ ...fromRow(row), importedFrom: row.importedFrom ?? null, externalId: row.externalId ?? null })),
      next: last && rows.length === size ? { occurredAt: last.occurredAt, seq: last.seq } : undefined,
    };
  }

  private matching(viewer: NationCode, query: IncidentQuery) {
    // Ties go to the latest recorded, so that every read lists them in the same order.
    return incidentsMatching(this.db, viewer, query).orderBy('incidents.occurredAt', 'desc').orderBy('incidents.seq', 'desc').limit(query.limit);
  }

  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}

const FEATURE_END = Buffer.from('}');

/**
 * The incidents the viewer may see that pass the list's filters, in no order and without a limit:
 * the list, its exports, the map's tiles and the per-day counts all select from this one query,
 * so that they agree on what matches. A box of 8° or less is read through the index of places
 * (migration 0020), a wider one through the R*Tree; either way the incident's own coordinates decide.
 */
export function incidentsMatching(db: Kysely<Database>, viewer: NationCode, query: Omit<IncidentQuery, 'limit'>) {
  let q = db.selectFrom('incidents').where(visibleTo(viewer));
  if (query.bbox) {
    const cells = placeCellsOf(query.bbox);
    if (cells) q = q.where(cells);
    else {
      const [minLon, minLat, maxLon, maxLat] = rtreeAround(query.bbox);
      q = q
        .innerJoin('incidentBbox', 'incidentBbox.id', 'incidents.seq')
        .where('incidentBbox.minLon', '>=', minLon)
        .where('incidentBbox.maxLon', '<=', maxLon)
        .where('incidentBbox.minLat', '>=', minLat)
        .where('incidentBbox.maxLat', '<=', maxLat);
    }
    q = q.where(liesIn(query.bbox));
  }
  if (query.from) q = q.where('incidents.occurredAt', '>=', query.from);
  if (query.to) q = q.where('incidents.occurredAt', '<=', query.to);
  if (query.eventType) q = q.where('incidents.eventType', '=', query.eventType);
  if (query.section) q = q.where('incidents.section', '=', query.section);
  if (query.owner) q = q.where('incidents.owner', '=', query.owner);
  if (query.status) q = q.where('incidents.status', '=', query.status);
  if (query.q?.trim()) q = q.where(incidentTextMatch(query.q));
  return q;
}

/** JSON written by SQLite, taken as its UTF-8 bytes rather than decoded into a string. */
function asBytes(json: Expression<unknown>): RawBuilder<Buffer> {
  return sql<Buffer>`cast(${json} as blob)`;
}

/** A column holding a JSON array of strings, as an array inside the JSON SQLite writes. */
function jsonArrayColumn(column: Expression<string>): RawBuilder<string[]> {
  return sql<string[]>`json(coalesce(${column}, '[]'))`;
}

export async function insertBbox(db: Db, seq: number, incident: Incident): Promise<void> {
  const { lat, lon } = incident.location;
  await db.insertInto('incidentBbox').values({ id: seq, minLon: lon, maxLon: lon, minLat: lat, maxLat: lat }).execute();
}

export function toRow(incident: Incident) {
  return {
    id: incident.id,
    owner: incident.owner,
    releasableTo: writeStringArray(incident.releasableTo),
    version: incident.version,
    createdAt: incident.createdAt,
    updatedAt: incident.updatedAt,
    occurredAt: incident.occurredAt,
    datePrecision: incident.datePrecision,
    lat: incident.location.lat,
    lon: incident.location.lon,
    geoPrecision: incident.geoPrecision,
    placeName: incident.placeName,
    section: incident.section,
    eventType: incident.eventType,
    subEventType: incident.subEventType,
    actors: writeStringArray(incident.actors),
    fatalities: incident.fatalities,
    injured: incident.injured,
    abducted: incident.abducted,
    narrative: incident.narrative,
    sourceKind: incident.source.kind,
    sourceName: incident.source.name,
    sourceReliability: incident.source.reliability,
    sourceCredibility: incident.source.credibility,
    status: incident.status,
    createdBy: incident.createdBy,
  };
}

export function fromRow(row: IncidentRow): Incident {
  return {
    id: row.id,
    owner: row.owner,
    releasableTo: readStringArray(row.releasableTo),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    occurredAt: row.occurredAt,
    datePrecision: row.datePrecision as Incident['datePrecision'],
    location: { lat: row.lat, lon: row.lon },
    geoPrecision: row.geoPrecision as Incident['geoPrecision'],
    placeName: row.placeName,
    section: row.section,
    eventType: row.eventType,
    subEventType: row.subEventType,
    actors: readStringArray(row.actors),
    fatalities: row.fatalities,
    injured: row.injured,
    abducted: row.abducted,
    narrative: row.narrative,
    source: {
      kind: row.sourceKind as SourceKind,
      name: row.sourceName,
      reliability: row.sourceReliability as SourceReliability | null,
      credibility: row.sourceCredibility as InformationCredibility | null,
    },
    status: row.status as Incident['status'],
    createdBy: row.createdBy,
  };
}
