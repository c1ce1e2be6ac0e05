import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface StoredSecondFactor {
  /** Sealed (AccountKeys). */
  secret: string;
  confirmedAt: string | null;
  lastStep: number;
}

export class SecondFactorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(userId: string): Promise<StoredSecondFactor | undefined> {
    return this.db.selectFrom('secondFactors').select(['secret', 'confirmedAt', 'lastStep']).where('userId', '=', userId).executeTakeFirst();
  }

  /** A new secret waiting for its first code; replaces a pending one, never a confirmed one. */
  async begin(userId: string, secret: string, now: string): Promise<boolean> {
    const result = await this.db
      .insertInto('secondFactors')
      .values({ userId, secret, confirmedAt: null, lastStep: 0, createdAt: now })
      .onConflict((c) => c.column('userId').doUpdateSet({ secret, lastStep: 0, createdAt: now }).where('secondFactors.confirmedAt', 'is', null))
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** The first code came: the secret is confirmed, with its recovery codes, in one transaction. */
  async confirm(userId: string, step: number, recoveryCodeHashes: readonly string[], now: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('secondFactors')
        .set({ confirmedAt: now, lastStep: step })
        .where('userId', '=', userId)
        .where('confirmedAt', 'is', null)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false;
      await trx.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
      if (recoveryCodeHashes.length > 0) {
        await trx
          .insertInto('recoveryCodes')
          .values(recoveryCodeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })))
          .execute();
      }
      return true;
    });
  }

  /** A confirmed second factor set up in one go (the demo's fixed secrets). */
  async enrolConfirmed(userId: string, secret: string, now: string): Promise<void> {
    await this.db
      .insertInto('secondFactors')
      .values({ userId, secret, confirmedAt: now, lastStep: 0, createdAt: now })
      .onConflict((c) => c.column('userId').doUpdateSet({ secret, confirmedAt: now, lastStep: 0, createdAt: now }))
      .execute();
  }

  /** Takes the step as used when it is later than the last one: of two requests with one code, one wins. */
  async takeStep(userId: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('secondFactors')
      .set({ lastStep: step })
      .where('userId', '=', userId)
      .where('confirmedAt', 'is not', null)
      .where('lastStep', '<', step)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Uses up a recovery code: true when it was there (and is now gone). */
  async takeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const result = await this.db.deleteFrom('recoveryCodes').where('userId', '=', userId).where('codeHash', '=', codeHash).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async recoveryCodesLeft(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('recoveryCodes')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('userId', '=', userId)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** Forgets the user's second factor and recovery codes and ends their sessions: they enrol again. */
  async reset(userId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
      await trx.deleteFrom('secondFactors').where('userId', '=', userId).execute();
      await trx.deleteFrom('sessions').where('userId', '=', userId).execute();
    });
  }
}
