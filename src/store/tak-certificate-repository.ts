import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { TakCertificateTable } from './tak-schema.js';

export type TakCertificate = TakCertificateTable;

/** The client certificates of the node's TAK certificate authority. */
export class TakCertificateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async issued(certificate: TakCertificate): Promise<void> {
    await this.db.insertInto('takCertificates').values(certificate).execute();
  }

  async bySerial(serial: string): Promise<TakCertificate | undefined> {
    return this.db.selectFrom('takCertificates').selectAll().where('serial', '=', serial).executeTakeFirst();
  }

  async ofUser(username: string): Promise<TakCertificate[]> {
    return this.db.selectFrom('takCertificates').selectAll().where('username', '=', username).orderBy('issuedAt').execute();
  }

  /** Revokes every certificate of the user still in force; answers how many. */
  async revokeAll(username: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('takCertificates')
      .set({ revokedAt: at })
      .where('username', '=', username)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Of `serials`, those revoked, no longer listed, or whose user was removed: the running node closes their connections. */
  async withdrawn(serials: readonly string[]): Promise<Set<string>> {
    if (serials.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('takCertificates')
      .innerJoin('users', 'users.username', 'takCertificates.username')
      .select('takCertificates.serial')
      .where('takCertificates.serial', 'in', serials)
      .where('takCertificates.revokedAt', 'is', null)
      .execute();
    const live = new Set(rows.map((row) => row.serial));
    return new Set(serials.filter((serial) => !live.has(serial)));
  }
}
