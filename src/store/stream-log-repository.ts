import type { Kysely } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { StreamState } from '../domain/stream-resume.js';
import type { Database } from './schema.js';

/** A frame to keep for one audience, and the earlier frames of that audience it takes back. */
export interface StreamEntry {
  audience: NationCode;
  event: string;
  /** The JSON body, as sent. */
  data: string;
  record: string | null;
  /** Records whose earlier frames this audience may no longer be replayed (it lost them). */
  retracts?: readonly string[];
}

export interface StreamRow {
  seq: number;
  event: string;
  data: string;
}

/**
 * The live stream's frames, kept per audience: each audience's rows hold only what was sent to
 * that audience, numbered in its own sequence. Frames of a record the audience lost are deleted
 * when it loses it, so that a replay never hands back what it may no longer see.
 */
export class StreamLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Numbers and keeps the frames, in one transaction; answers each frame's number, in order. */
  async append(entries: readonly StreamEntry[], at: string): Promise<number[]> {
    return this.db.transaction().execute(async (trx) => {
      const numbers: number[] = [];
      for (const entry of entries) {
        const head = await trx.selectFrom('streamHeads').select('lastSeq').where('audience', '=', entry.audience).executeTakeFirst();
        const seq = (head?.lastSeq ?? 0) + 1;
        if (entry.retracts && entry.retracts.length > 0) {
          await trx
            .deleteFrom('streamEvents')
            .where('audience', '=', entry.audience)
            .where('record', 'in', [...entry.retracts])
            .execute();
        }
        await trx
          .insertInto('streamEvents')
          .values({ audience: entry.audience, seq, event: entry.event, data: entry.data, record: entry.record, at })
          .execute();
        await trx
          .insertInto('streamHeads')
          .values({ audience: entry.audience, lastSeq: seq, prunedThrough: 0 })
          .onConflict((oc) => oc.column('audience').doUpdateSet({ lastSeq: seq }))
          .execute();
        numbers.push(seq);
      }
      return numbers;
    });
  }

  /** Deletes an audience's frames of records it lost, without adding one. */
  async retract(audience: NationCode, records: readonly string[]): Promise<void> {
    if (records.length === 0) return;
    await this.db
      .deleteFrom('streamEvents')
      .where('audience', '=', audience)
      .where('record', 'in', [...records])
      .execute();
  }

  async state(audience: NationCode): Promise<StreamState> {
    const row = await this.db.selectFrom('streamHeads').select(['lastSeq', 'prunedThrough']).where('audience', '=', audience).executeTakeFirst();
    return { head: row?.lastSeq ?? 0, prunedThrough: row?.prunedThrough ?? 0 };
  }

  /** The audience's frames numbered after `seq`, in order, at most `limit`. */
  async after(audience: NationCode, seq: number, limit: number): Promise<StreamRow[]> {
    return this.db
      .selectFrom('streamEvents')
      .select(['seq', 'event', 'data'])
      .where('audience', '=', audience)
      .where('seq', '>', seq)
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  /**
   * Keeps, per audience, no more than its last `keepEvents` frames and none sent before `since`;
   * drops the others and records the last number dropped (frames are numbered in time order).
   */
  async prune(keepEvents: number, since: string): Promise<void> {
    const heads = await this.db.selectFrom('streamHeads').selectAll().execute();
    for (const head of heads) {
      const oldest = await this.db
        .selectFrom('streamEvents')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('audience', '=', head.audience)
        .where((eb) => eb.or([eb('seq', '<=', head.lastSeq - keepEvents), eb('at', '<', since)]))
        .executeTakeFirst();
      const through = Number(oldest?.seq ?? 0);
      if (through <= head.prunedThrough) continue;
      await this.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('streamEvents').where('audience', '=', head.audience).where('seq', '<=', through).execute();
        await trx.updateTable('streamHeads').set({ prunedThrough: through }).where('audience', '=', head.audience).execute();
      });
    }
  }
}
