import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface SessionInfo {
  tokenHash: string;
  userId: string;
  expiresAt: string;
}

/** What watching and ending sessions needs (opening and checking them is in UserRepository). */
export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(tokenHash: string, now: string): Promise<SessionInfo | undefined> {
    return this.db
      .selectFrom('sessions')
      .select(['tokenHash', 'userId', 'expiresAt'])
      .where('tokenHash', '=', tokenHash)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
  }

  /** Which of these sessions still exist and have not expired. */
  async liveAmong(tokenHashes: readonly string[], now: string): Promise<Set<string>> {
    const live = new Set<string>();
    for (let i = 0; i < tokenHashes.length; i += 500) {
      const rows = await this.db
        .selectFrom('sessions')
        .select('tokenHash')
        .where('tokenHash', 'in', tokenHashes.slice(i, i + 500))
        .where('expiresAt', '>', now)
        .execute();
      for (const row of rows) live.add(row.tokenHash);
    }
    return live;
  }

  async endAllOf(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('userId', '=', userId).execute();
  }

  /**
   * SQLite's count of commits made by *other* connections to the file (another process such as
   * `diboli user reset-2fa`): while it stays the same, no session can have been ended elsewhere.
   */
  async changesFromElsewhere(): Promise<number> {
    const { rows } = await sql<Record<string, number>>`pragma data_version`.execute(this.db);
    const row = rows[0] ?? {};
    return Number(row.dataVersion ?? row.data_version ?? 0);
  }
}
