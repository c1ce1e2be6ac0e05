import type { Kysely, Transaction } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { Post, Unit } from '../contracts/organisation.js';
import { readStringArray, writeStringArray } from './columns.js';
import { visibleTo } from './sovereignty.js';
import type { Database } from './schema.js';

/** Units and posts: shared records like any other, visible by releasability. */
export class OrganisationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a unit at version 1 in the caller's transaction (the service releases it in the same one). */
  async insertUnitIn(trx: Transaction<Database>, unit: VersionedUnit): Promise<void> {
    await trx.insertInto('units').values(unitRow(unit)).execute();
  }

  async insertPostIn(trx: Transaction<Database>, post: VersionedPost): Promise<void> {
    await trx.insertInto('posts').values(postRow(post)).execute();
  }

  async unitsVisibleTo(viewer: NationCode): Promise<Unit[]> {
    const rows = await this.db.selectFrom('units').selectAll().where(visibleTo(viewer)).orderBy('nation').orderBy('name').execute();
    return rows.map((r) => ({
      id: r.id,
      owner: r.owner,
      releasableTo: readStringArray(r.releasableTo),
      nation: r.nation,
      name: r.name,
      callSign: r.callSign,
      parentId: r.parentId,
    }));
  }

  async unitsByIds(viewer: NationCode, ids: readonly string[]): Promise<Unit[]> {
    if (ids.length === 0) return [];
    const visible = await this.unitsVisibleTo(viewer);
    return visible.filter((u) => ids.includes(u.id));
  }

  async postsVisibleTo(viewer: NationCode): Promise<Post[]> {
    const rows = await this.db.selectFrom('posts').selectAll().where(visibleTo(viewer)).orderBy('name').execute();
    return rows.map((r) => ({
      id: r.id,
      owner: r.owner,
      releasableTo: readStringArray(r.releasableTo),
      nation: r.nation,
      name: r.name,
      kind: r.kind as Post['kind'],
      location: { lat: r.lat, lon: r.lon },
      section: r.section,
    }));
  }
}

/** A unit or post as it travels between nodes: the record plus its version and times. */
export interface RecordTimes {
  version: number;
  createdAt: string;
  updatedAt: string;
}
export type VersionedUnit = Unit & RecordTimes;
export type VersionedPost = Post & RecordTimes;

export function unitRow(unit: VersionedUnit) {
  return {
    id: unit.id,
    owner: unit.owner,
    releasableTo: writeStringArray(unit.releasableTo),
    version: unit.version,
    createdAt: unit.createdAt,
    updatedAt: unit.updatedAt,
    nation: unit.nation,
    name: unit.name,
    callSign: unit.callSign,
    parentId: unit.parentId,
  };
}

export function postRow(post: VersionedPost) {
  return {
    id: post.id,
    owner: post.owner,
    releasableTo: writeStringArray(post.releasableTo),
    version: post.version,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
    nation: post.nation,
    name: post.name,
    kind: post.kind,
    lat: post.location.lat,
    lon: post.location.lon,
    section: post.section,
  };
}
