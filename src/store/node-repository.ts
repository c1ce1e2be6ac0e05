import type { Kysely } from 'kysely';
import type { Mechanism } from '../domain/mechanism.js';
import type { NationCode } from '../kernel/nation.js';
import { readStringArray, writeStringArray } from './columns.js';
import type { Database } from './schema.js';

export interface NodeIdentity {
  nation: NationCode;
  mechanismId: string;
}

/** Who this node is (its nation, its mechanism): written once by `diboli init`. */
export class NodeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async identity(): Promise<NodeIdentity | undefined> {
    const rows = await this.db.selectFrom('nodeMeta').selectAll().where('key', 'in', ['nation', 'mechanismId']).execute();
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    const nation = meta.get('nation');
    const mechanismId = meta.get('mechanismId');
    return nation && mechanismId ? { nation, mechanismId } : undefined;
  }

  async saveIdentity(identity: NodeIdentity, mechanism: Mechanism): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [key, value] of [
        ['nation', identity.nation],
        ['mechanismId', identity.mechanismId],
      ] as const) {
        await trx
          .insertInto('nodeMeta')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute();
      }
      const row = {
        id: mechanism.id,
        name: mechanism.name,
        nations: writeStringArray(mechanism.nations),
        agreementTitle: mechanism.agreement.title,
        agreementDate: mechanism.agreement.date,
        agreementReference: mechanism.agreement.reference,
        sharingPolicy: JSON.stringify(mechanism.sharingPolicy),
      };
      await trx
        .insertInto('mechanisms')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    });
  }

  async mechanism(id: string): Promise<Mechanism | undefined> {
    const row = await this.db.selectFrom('mechanisms').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      nations: readStringArray(row.nations),
      agreement: { title: row.agreementTitle, date: row.agreementDate, reference: row.agreementReference },
      sharingPolicy: JSON.parse(row.sharingPolicy) as Mechanism['sharingPolicy'],
    };
  }
}
