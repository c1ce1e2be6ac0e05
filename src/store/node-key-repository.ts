import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Ed25519 keys as base64: the public key raw, the private key PKCS#8 DER (made in `federation/node-keys.ts`). */
export interface StoredKeyPair {
  publicKey: string;
  privateKey: string;
}

const PUBLIC = 'publicKey';
const PRIVATE = 'privateKey';

/** The node's Ed25519 key pair, kept in node_meta beside its identity. */
export class NodeKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async keys(): Promise<StoredKeyPair | undefined> {
    const rows = await this.db.selectFrom('nodeMeta').selectAll().where('key', 'in', [PUBLIC, PRIVATE]).execute();
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    const publicKey = meta.get(PUBLIC);
    const privateKey = meta.get(PRIVATE);
    return publicKey && privateKey ? { publicKey, privateKey } : undefined;
  }

  /** Keeps the key pair made by `generate` the first time only: partners have registered its public half. */
  async ensure(generate: () => StoredKeyPair): Promise<StoredKeyPair> {
    const existing = await this.keys();
    if (existing) return existing;
    const created = generate();
    await this.db
      .insertInto('nodeMeta')
      .values([
        { key: PUBLIC, value: created.publicKey },
        { key: PRIVATE, value: created.privateKey },
      ])
      .execute();
    return created;
  }
}
