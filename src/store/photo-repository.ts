import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { PhotoRef } from '../contracts/observation.js';
import type { NationCode } from '../kernel/nation.js';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from './private-folder.js';
import { visibleTo } from './sovereignty.js';
import type { Database } from './schema.js';

/**
 * Photos of observations: files named by the SHA-256 of their (metadata-free) bytes under
 * `<data>/photos/ab/<sha256>`, so the same photo is kept once however many times it is sent, and
 * rows that say which observations hold each one. A photo is read through a parent observation's
 * releasability, never on its own.
 */
export class PhotoRepository {
  private readonly folder: string;

  constructor(
    private readonly db: Kysely<Database>,
    dataDir: string,
  ) {
    this.folder = join(dataDir, 'photos');
  }

  /**
   * Keeps the file (written whole under a temporary name, then renamed: a reader never sees half a
   * photo) and attaches it to the observation; answers false when the observation already held it.
   */
  async attach(observationId: string, photo: PhotoRef & { data: Buffer }, at: string): Promise<boolean> {
    const path = this.pathOf(photo.sha256);
    mkdirSync(join(this.folder, photo.sha256.slice(0, 2)), { recursive: true, mode: PRIVATE_FOLDER_MODE });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
    writeFileSync(temporary, photo.data, { mode: PRIVATE_FILE_MODE });
    renameSync(temporary, path);
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('photos')
        .values({ sha256: photo.sha256, contentType: photo.contentType, bytes: photo.bytes, createdAt: at })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      const linked = await trx
        .insertInto('observationPhotos')
        .values({ observationId, sha256: photo.sha256, addedAt: at })
        .onConflict((oc) => oc.columns(['observationId', 'sha256']).doNothing())
        .executeTakeFirst();
      return Number(linked.numInsertedOrUpdatedRows ?? 0n) > 0;
    });
  }

  /** The photo and its bytes, when an observation that holds it is visible to `viewer`. */
  async visible(sha256: string, viewer: NationCode): Promise<(PhotoRef & { data: Buffer }) | undefined> {
    const row = await this.db
      .selectFrom('photos')
      .innerJoin('observationPhotos', 'observationPhotos.sha256', 'photos.sha256')
      .innerJoin('observations', 'observations.id', 'observationPhotos.observationId')
      .select(['photos.sha256', 'photos.contentType', 'photos.bytes'])
      .where('photos.sha256', '=', sha256)
      // Only the observations table has owner and releasable_to: the rule reads the parent's.
      .where(visibleTo(viewer))
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    return { ...row, data: readFileSync(this.pathOf(row.sha256)) };
  }

  private pathOf(sha256: string): string {
    return join(this.folder, sha256.slice(0, 2), sha256);
  }
}
