import type { Kysely } from 'kysely';
import type { NationCode } from '../domain/nation.js';
import type { Post, Unit } from '../domain/organisation.js';
import { readStringArray, visibleTo, writeStringArray } from './columns.js';
import type { Database } from './schema.js';

/** Units and posts: shared records like any other, visible by releasability. */
export class OrganisationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertUnit(unit: Unit, at: string): Promise<void> {
    await this.db
      .insertInto('units')
      .values({ id: unit.id, owner: unit.owner, releasableTo: writeStringArray(unit.releasableTo), version: 1, createdAt: at, updatedAt: at, nation: unit.nation, name: unit.name, callSign: unit.callSign, parentId: unit.parentId })
      .execute();
  }

  async insertPost(post: Post, at: string): Promise<void> {
    await this.db
      .insertInto('posts')
      .values({ id: post.id, owner: post.owner, releasableTo: writeStringArray(post.releasableTo), version: 1, createdAt: at, updatedAt: at, nation: post.nation, name: post.name, kind: post.kind, lat: post.location.lat, lon: post.location.lon, section: post.section })
      .execute();
  }

  async unitsVisibleTo(viewer: NationCode): Promise<Unit[]> {
    const rows = await this.db.selectFrom('units').selectAll().where(visibleTo(viewer)).orderBy('nation').orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, owner: r.owner, releasableTo: readStringArray(r.releasableTo), nation: r.nation, name: r.name, callSign: r.callSign, parentId: r.parentId }));
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
