import type { RecordKind } from '../federation/envelope.js';
import { storeReceived } from '../store/received-records.js';
import type { NodeContext } from './node-context.js';

/**
 * Stores a record as the copy a partner's node released to this one: kept as received, read-only
 * here and never released onward. The puller does this for what it pulls; the demo, standing in
 * for the partners' nodes, seeds their records this way.
 */
export async function storeReceivedCopy(node: Pick<NodeContext, 'store'>, kind: RecordKind, body: unknown): Promise<void> {
  await node.store.db.transaction().execute((trx) => storeReceived(trx, kind, body));
}
