import type { Kysely, Transaction } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { Database } from './schema.js';

export interface HeldSecondment {
  userId: string;
  credentialId: string;
  issuer: NationCode;
  role: string;
  expiresAt: string;
  /** The credential's JSON as its issuing node signed it. */
  credential: string;
  addedAt: string;
}

export interface IssuedSecondment {
  id: string;
  host: NationCode;
  username: string;
  role: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/**
 * Secondments on both sides: the credentials partners signed for the accounts of their officers
 * on this node (and the revocations their feeds carried), and those this node signed for its own
 * officers on partner nodes.
 */
export class SecondmentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Attaches a (checked) credential to an account, replacing the one it held. */
  async hold(secondment: HeldSecondment): Promise<void> {
    const { userId, ...rest } = secondment;
    await this.db
      .insertInto('secondments')
      .values(secondment)
      .onConflict((oc) => oc.column('userId').doUpdateSet(rest))
      .execute();
  }

  async heldBy(userId: string): Promise<HeldSecondment | undefined> {
    return this.db.selectFrom('secondments').selectAll().where('userId', '=', userId).executeTakeFirst();
  }

  /** The host's own withdrawal: the account keeps reading what is released to its nation. */
  async withdraw(userId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('secondments').where('userId', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Revoked by its issuer: only the nation that signed a credential can revoke it. */
  async isRevoked(issuer: NationCode, credentialId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('secondmentRevocations')
      .select('credentialId')
      .where('issuer', '=', issuer)
      .where('credentialId', '=', credentialId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Revocations an issuer's feed answer carried, stored with the page that carried them. */
  async recordRevocations(trx: Transaction<Database>, issuer: NationCode, credentialIds: readonly string[], at: string): Promise<void> {
    if (credentialIds.length === 0) return;
    await trx
      .insertInto('secondmentRevocations')
      .values(credentialIds.map((credentialId) => ({ credentialId, issuer, receivedAt: at })))
      .onConflict((oc) => oc.columns(['issuer', 'credentialId']).doNothing())
      .execute();
  }

  async issue(issued: IssuedSecondment): Promise<void> {
    await this.db.insertInto('issuedSecondments').values(issued).execute();
  }

  async issued(): Promise<IssuedSecondment[]> {
    return this.db.selectFrom('issuedSecondments').selectAll().orderBy('issuedAt').execute();
  }

  async revoke(id: string, at: string): Promise<IssuedSecondment | undefined> {
    await this.db.updateTable('issuedSecondments').set({ revokedAt: at }).where('id', '=', id).where('revokedAt', 'is', null).execute();
    return this.db.selectFrom('issuedSecondments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Ids of credentials issued for `host` that were revoked and have not expired yet: what its feed tells it. */
  async revokedFor(host: NationCode, now: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('issuedSecondments')
      .select('id')
      .where('host', '=', host)
      .where('revokedAt', 'is not', null)
      .where('expiresAt', '>', now)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }
}
