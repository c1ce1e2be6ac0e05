import type { NationCode } from '../kernel/nation.js';
import { anchorsHeldBy } from '../federation/anchors.js';
import { parsePrivateKey } from '../federation/node-keys.js';
import type { HeldAnchor } from '../store/anchor-repository.js';
import type { AuditVerdict } from '../store/audit-repository.js';
import type { NodeContext } from './node-context.js';

export interface PeerAnchorCheck {
  nation: NationCode;
  /** How many anchors the peer holds of this node's chain. */
  held: number;
  /** Those the chain does not hold: it was rewritten after they were given. */
  missing: HeldAnchor[];
  /** Set when the peer could not be asked: its anchors were not checked. */
  error?: string;
}

export interface AuditCheck {
  chain: AuditVerdict;
  triggers: string[];
  peers: PeerAnchorCheck[];
  /** True when nothing is wrong with what could be checked. */
  intact: boolean;
}

/**
 * Everything `diboli audit verify` checks: the hash chain and its stored head, the triggers that
 * keep the log append-only, and — unless `askPeers` is false — the anchors each registered partner
 * kept of this chain from its feed answers. The node alone cannot tell a chain rewritten whole
 * from the real one; a partner that saw an earlier anchor can.
 */
export async function checkAudit(
  node: Pick<NodeContext, 'nation' | 'repos' | 'clock'>,
  options: { askPeers: boolean; fetch?: typeof fetch },
): Promise<AuditCheck> {
  const peers: { nation: NationCode; held: HeldAnchor[]; error?: string }[] = [];
  const keys = await node.repos.keys.keys();
  if (options.askPeers && keys) {
    const deps = {
      self: node.nation,
      publicKey: keys.publicKey,
      privateKey: parsePrivateKey(keys.privateKey),
      now: () => node.clock.now().getTime(),
      fetch: options.fetch,
    };
    for (const peer of await node.repos.peers.list()) {
      try {
        peers.push({ nation: peer.nation, held: await anchorsHeldBy(peer, deps) });
      } catch (error) {
        peers.push({ nation: peer.nation, held: [], error: (error as Error).message });
      }
    }
  }
  const verdict = await node.repos.audit.verify(peers.flatMap((p) => p.held.map((h) => h.anchor)));
  const missing = new Set(verdict.missingAnchors);
  const checked = peers.map((p) => ({
    nation: p.nation,
    held: p.held.length,
    missing: p.held.filter((h) => missing.has(h.anchor)),
    ...(p.error ? { error: p.error } : {}),
  }));
  const triggers = await node.repos.audit.triggerProblems();
  const { missingAnchors: _checkedAbove, ...chain } = verdict;
  return { chain, triggers, peers: checked, intact: chain.ok && triggers.length === 0 && checked.every((p) => p.missing.length === 0) };
}
