import type { KeyObject } from 'node:crypto';
import type { NationCode } from '../domain/nation.js';
import type { Clock } from '../services/runtime.js';
import type { AuditRepository } from '../store/audit-repository.js';
import type { OutboxRepository } from '../store/outbox-repository.js';
import type { Peer, PeerRepository } from '../store/peer-repository.js';
import { normalisePublicKey, parsePublicKey } from './node-keys.js';
import { ReplayGuard } from './replay-guard.js';
import { checkRequest, readStamp, signResponse } from './request-signature.js';

export const FEED_PATH = '/federation/v1/feed';
export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 500;
export const MAX_WAIT_SECONDS = 30;
/** Even without a signal from this process, a waiting feed looks again this often (another process may write). */
const RECHECK_MS = 1000;

export interface FeedServerDeps {
  self: NationCode;
  privateKey: KeyObject;
  peers: PeerRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  clock: Clock;
  replayWindowSeconds: number;
}

export type FeedAuthentication = { ok: true; peer: Peer; nonce: string } | { ok: false; reason: string };

export interface ServedPage {
  body: string;
  signature: string;
}

/** Serves this node's feed to registered peers: who is calling, and what they may read. */
export class FeedServer {
  private readonly guard: ReplayGuard;

  constructor(private readonly deps: FeedServerDeps) {
    this.guard = new ReplayGuard(deps.replayWindowSeconds * 1000);
  }

  /** Identifies the calling peer from its signed headers; every refusal is audited. */
  async authenticate(method: string, pathAndQuery: string, headers: Record<string, string | string[] | undefined>, remote: string): Promise<FeedAuthentication> {
    const refuse = async (reason: string, key?: string): Promise<FeedAuthentication> => {
      await this.deps.audit.record(this.now(), [{ action: 'feed.refused', detail: { reason, remote, key: key?.slice(0, 16) ?? null, path: pathAndQuery.slice(0, 200) } }]);
      return { ok: false, reason };
    };
    const stamp = readStamp(headers);
    if (!stamp) return refuse('missing-or-malformed-signature-headers');
    const publicKey = normalisePublicKey(stamp.publicKey);
    const peer = publicKey && (await this.deps.peers.byKey(publicKey));
    const callerKey = peer ? parsePublicKey(peer.publicKey) : undefined;
    if (!peer || !callerKey) return refuse('unknown-key', stamp.publicKey);
    const nowMs = this.deps.clock.now().getTime();
    const check = checkRequest(stamp, { method, pathAndQuery, audience: this.deps.self }, callerKey, nowMs, this.deps.replayWindowSeconds);
    if (!check.ok) return refuse(check.reason, stamp.publicKey);
    if (!this.guard.accept(`${peer.nation}:${stamp.nonce}`, nowMs)) return refuse('replayed-nonce', stamp.publicKey);
    return { ok: true, peer, nonce: stamp.nonce };
  }

  /**
   * The page of envelopes released to the peer's nation after `after`. With `waitSeconds`, an
   * empty page is held open until something is queued for that nation (long poll).
   */
  async page(peer: Peer, nonce: string, after: number, limit: number, waitSeconds: number, signal?: AbortSignal): Promise<ServedPage> {
    const deadline = Date.now() + Math.min(waitSeconds, MAX_WAIT_SECONDS) * 1000;
    let page = await this.deps.outbox.page(peer.nation, after, Math.min(limit, MAX_PAGE));
    while (page.envelopes.length === 0 && Date.now() < deadline && !signal?.aborted) {
      await this.deps.outbox.waitForQueued(Math.min(RECHECK_MS, deadline - Date.now()), signal);
      page = await this.deps.outbox.page(peer.nation, after, Math.min(limit, MAX_PAGE));
    }
    const body = `{"envelopes":[${page.envelopes.join(',')}],"next":${page.next}}`;
    await this.deps.audit.record(this.now(), [{ action: 'feed.served', detail: { peer: peer.nation, after, next: page.next, envelopes: page.envelopes.length } }]);
    return { body, signature: signResponse(nonce, body, this.deps.privateKey) };
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
