import type { KeyObject } from 'node:crypto';
import type { NationCode } from '../kernel/nation.js';
import type { HeldAnchor } from '../store/anchor-repository.js';
import type { Peer } from '../store/peer-repository.js';
import { parsePublicKey } from './node-keys.js';
import { HEADER_SIGNATURE, newNonce, signRequest, verifyResponse } from './request-signature.js';

/**
 * Audit anchors, the other way round: a node asks each partner for the anchors of its own audit
 * chain that the partner kept from its feed answers (signed request, signed answer), and checks
 * that its chain still holds every one. A chain rewritten whole, hashes and head recomputed, no
 * longer does: any partner that pulled after the entry that was changed catches it.
 */
export const ANCHORS_PATH = '/federation/v1/anchors';
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

export interface AnchorClientDeps {
  self: NationCode;
  publicKey: string;
  privateKey: KeyObject;
  now: () => number;
  fetch?: typeof fetch;
}

/** The anchors `peer` holds of this node's chain; throws when the peer cannot be asked or answers wrongly. */
export async function anchorsHeldBy(peer: Peer, deps: AnchorClientDeps): Promise<HeldAnchor[]> {
  const peerKey = parsePublicKey(peer.publicKey);
  if (!peerKey) throw new Error(`the registered key of ${peer.nation} is not a valid public key`);
  const target = new URL(`${peer.url.replace(/\/+$/, '')}${ANCHORS_PATH}`);
  const nonce = newNonce();
  const headers = signRequest(
    { method: 'GET', pathAndQuery: target.pathname + target.search, audience: peer.nation, timestamp: deps.now(), nonce },
    deps.privateKey,
    deps.publicKey,
  );
  const response = await (deps.fetch ?? fetch)(target, { headers, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`${peer.nation} answered HTTP ${response.status}`);
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > MAX_ANSWER_BYTES) throw new Error(`the answer of ${peer.nation} is too large`);
  const signature = response.headers.get(HEADER_SIGNATURE);
  if (!signature || !verifyResponse(nonce, body, signature, peerKey)) throw new Error(`the answer is not signed by the registered key of ${peer.nation}`);
  return parseAnchors(body.toString('utf8'), peer.nation);
}

function parseAnchors(text: string, nation: NationCode): HeldAnchor[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`the answer of ${nation} is not JSON`);
  }
  const anchors = (parsed as { anchors?: unknown } | null)?.anchors;
  if (!Array.isArray(anchors)) throw new Error(`the answer of ${nation} holds no anchors`);
  return anchors.map((a: unknown) => {
    const { anchor, receivedAt } = (a ?? {}) as Record<string, unknown>;
    if (typeof anchor !== 'string' || !/^[0-9a-f]{64}$/.test(anchor) || typeof receivedAt !== 'string')
      throw new Error(`the answer of ${nation} holds a malformed anchor`);
    return { anchor, receivedAt };
  });
}

/** The answer to a partner asking for the anchors this node holds of its chain. */
export function anchorsAnswer(held: readonly HeldAnchor[]): string {
  return JSON.stringify({ anchors: held.map((h) => ({ anchor: h.anchor, receivedAt: h.receivedAt })) });
}
