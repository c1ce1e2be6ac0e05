import { DiboliError } from '../domain/errors.js';
import type { Incident } from '../domain/incident.js';
import type { Patrol } from '../domain/patrol.js';
import type { Clock } from '../kernel/clock.js';
import type { NationCode } from '../kernel/nation.js';
import type { AnchorRepository } from '../store/anchor-repository.js';
import type { AuditRepository } from '../store/audit-repository.js';
import type { Store } from '../store/database.js';
import type { NodeKeyRepository } from '../store/node-key-repository.js';
import type { PatrolRepository } from '../store/patrol-repository.js';
import type { PeerRepository } from '../store/peer-repository.js';
import type { SecondmentRepository } from '../store/secondment-repository.js';
import { parsePrivateKey } from './node-keys.js';
import { Puller, type PullerDeps } from './puller.js';
import type { ReleaseStep } from './release.js';

/**
 * What the puller needs of a running node. Declared here, so that federation knows no service:
 * the node's context (services/node-context.ts) fits it as it is.
 */
export interface PullerHost {
  store: Pick<Store, 'db' | 'sqlite'>;
  nation: NationCode;
  clock: Clock;
  release: ReleaseStep;
  repos: {
    keys: NodeKeyRepository;
    peers: PeerRepository;
    audit: AuditRepository;
    anchors: AnchorRepository;
    secondments: SecondmentRepository;
    patrols: PatrolRepository;
  };
  /** Where received and retracted records are told to the node's listeners. */
  events: {
    emit(event: 'patrol', change: { before?: Patrol; after: Patrol }): boolean;
    emit(event: 'incident', change: { before: Incident } | { after: Incident }): boolean;
  };
}

/** The puller of a running node: its keys, repositories and clock; received and retracted incidents are told to the node's listeners. */
export async function pullerFor(node: PullerHost, options: Partial<PullerDeps> = {}): Promise<Puller> {
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
