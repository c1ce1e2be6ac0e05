import type { Kysely } from 'kysely';
import { generateNodeKeys, type NodeKeyPair } from '../federation/node-keys.js';
import type { Database } from './schema.js';

const PUBLIC = 'publicKey';
const PRIVATE = 'privateKey';

/** The node's Ed25519 key pair, kept in node_meta beside its identity. */
export class NodeKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async keys(): Promise<NodeKeyPair | undefined> {
    const rows = await this.db.selectFrom('nodeMeta').selectAll().where('key', 'in', [PUBLIC, PRIVATE]).execute();
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    const publicKey = meta.get(PUBLIC);
    const privateKey = meta.get(PRIVATE);
    return publicKey && privateKey ? { publicKey, privateKey } : undefined;
  }

  /** Creates the key pair once; later calls keep it, since partners have registered its public half. */
  async ensure(): Promise<NodeKeyPair> {
    const existing = await this.keys();
    if (existing) return existing;
    const created = generateNodeKeys();
    await this.db
      .insertInto('nodeMeta')
      .values([{ key: PUBLIC, value: created.publicKey }, { key: PRIVATE, value: created.privateKey }])
      .execute();
    return created;
  }
}
