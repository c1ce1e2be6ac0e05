import type { Kysely } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { LineString, MultiLineString } from '../kernel/geojson.js';
import { readStringArray, writeStringArray } from './columns.js';
import type { Database } from './schema.js';

export interface StoredBorder {
  id: string;
  nations: NationCode[];
  lengthKm: number;
  geometry: LineString | MultiLineString;
}

export interface StoredSection {
  id: string;
  borderId: string;
  index: number;
  nations: NationCode[];
  startKm: number;
  lengthKm: number;
  geometry: LineString;
}

export interface StoredAxis {
  id: string;
  name: string;
  nations: NationCode[];
  geometry: LineString;
}

/** Borders, sections and axes: computed by `diboli init`, the same for every viewer (not released records). */
export class GeographyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Replaces the whole geography in one transaction. Section ids are stable, so the levels and
   * history early warning keeps per audience (by section id) carry over.
   */
  async replace(borders: StoredBorder[], sections: StoredSection[], axes: StoredAxis[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sections').execute();
      await trx.deleteFrom('borders').execute();
      await trx.deleteFrom('axes').execute();
      for (const b of borders) {
        await trx
          .insertInto('borders')
          .values({ id: b.id, nations: writeStringArray(b.nations), lengthKm: b.lengthKm, geometry: JSON.stringify(b.geometry) })
          .execute();
      }
      for (const s of sections) {
        await trx
          .insertInto('sections')
          .values({
            id: s.id,
            borderId: s.borderId,
            idx: s.index,
            nations: writeStringArray(s.nations),
            startKm: s.startKm,
            lengthKm: s.lengthKm,
            geometry: JSON.stringify(s.geometry),
          })
          .execute();
      }
      for (const a of axes) {
        await trx
          .insertInto('axes')
          .values({ id: a.id, name: a.name, nations: writeStringArray(a.nations), geometry: JSON.stringify(a.geometry) })
          .execute();
      }
    });
  }

  async borders(): Promise<StoredBorder[]> {
    const rows = await this.db.selectFrom('borders').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, nations: readStringArray(r.nations), lengthKm: r.lengthKm, geometry: JSON.parse(r.geometry) }));
  }

  async sections(): Promise<StoredSection[]> {
    const rows = await this.db.selectFrom('sections').selectAll().orderBy('borderId').orderBy('idx').execute();
    return rows.map((r) => ({
      id: r.id,
      borderId: r.borderId,
      index: r.idx,
      nations: readStringArray(r.nations),
      startKm: r.startKm,
      lengthKm: r.lengthKm,
      geometry: JSON.parse(r.geometry),
    }));
  }

  async axes(): Promise<StoredAxis[]> {
    const rows = await this.db.selectFrom('axes').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, nations: readStringArray(r.nations), geometry: JSON.parse(r.geometry) }));
  }
}
