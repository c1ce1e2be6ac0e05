import { DiboliError } from '../domain/errors.js';
import type { Incident } from '../domain/incident.js';
import type { Patrol } from '../domain/patrol.js';
import type { NodeContext } from '../services/node-context.js';
import { parsePrivateKey } from './node-keys.js';
import { Puller, type PullerDeps } from './puller.js';

/** The puller of a running node: its keys, repositories and clock; received and retracted incidents are told to the node's listeners. */
export async function pullerFor(node: NodeContext, options: Partial<PullerDeps> = {}): Promise<Puller> {
  const keys = await node.repos.keys.keys();
  if (!keys) throw new DiboliError('ERR_NODE_NOT_INITIALISED');
  return new Puller({
    db: node.store.db,
    sqlite: node.store.sqlite,
    self: node.nation,
    publicKey: keys.publicKey,
    privateKey: parsePrivateKey(keys.privateKey),
    peers: node.repos.peers,
    audit: node.repos.audit,
    anchors: node.repos.anchors,
    secondments: node.repos.secondments,
    patrols: node.repos.patrols,
    release: node.release,
    clock: node.clock,
    onApplied: (changes) => {
      for (const change of changes) {
        if (change.consequence) node.events.emit('patrol', { before: change.consequence.before, after: change.body as Patrol });
        if (change.kind !== 'incident') continue;
        if (change.action === 'upsert') node.events.emit('incident', { after: change.body as Incident });
        else if (change.before) node.events.emit('incident', { before: change.before });
      }
    },
    ...options,
  });
}
