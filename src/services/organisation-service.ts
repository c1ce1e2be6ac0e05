import { DiboliError } from '../domain/errors.js';
import type { NationCode } from '../kernel/nation.js';
import type { Post, Unit } from '../contracts/organisation.js';
import { writtenRecord } from '../federation/release.js';
import type { VersionedPost, VersionedUnit } from '../store/organisation-repository.js';
import type { NodeContext } from './node-context.js';

/**
 * This nation's units and posts: shared records like incidents, written here by their owner only
 * and released in the same transaction as the write, read by each nation as releasability
 * allows. (No route writes them yet: `diboli demo` and the tests do.)
 */
export class OrganisationService {
  constructor(private readonly node: Pick<NodeContext, 'nation' | 'store' | 'repos' | 'release'>) {}

  async addUnit(unit: Unit, at: string): Promise<VersionedUnit> {
    this.requireOwn(unit);
    const stored: VersionedUnit = { ...unit, version: 1, createdAt: at, updatedAt: at };
    await this.node.store.db.transaction().execute(async (trx) => {
      await this.node.repos.organisation.insertUnitIn(trx, stored);
      await this.node.release.record(trx, { record: writtenRecord('unit', stored), previous: undefined });
    });
    return stored;
  }

  async addPost(post: Post, at: string): Promise<VersionedPost> {
    this.requireOwn(post);
    const stored: VersionedPost = { ...post, version: 1, createdAt: at, updatedAt: at };
    await this.node.store.db.transaction().execute(async (trx) => {
      await this.node.repos.organisation.insertPostIn(trx, stored);
      await this.node.release.record(trx, { record: writtenRecord('post', stored), previous: undefined });
    });
    return stored;
  }

  /** The units a nation may read: its own and those released to it. */
  unitsVisibleTo(viewer: NationCode): Promise<Unit[]> {
    return this.node.repos.organisation.unitsVisibleTo(viewer);
  }

  /** The posts a nation may read: its own and those released to it. */
  postsVisibleTo(viewer: NationCode): Promise<Post[]> {
    return this.node.repos.organisation.postsVisibleTo(viewer);
  }

  /** A partner's units reach this node from the partner's node only (single writer). */
  private requireOwn(record: Unit | Post): void {
    if (record.owner !== this.node.nation) throw new DiboliError('ERR_NOT_OWNER', { owner: record.owner });
  }
}
