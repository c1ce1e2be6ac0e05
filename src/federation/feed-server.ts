import { randomBytes, type KeyObject } from 'node:crypto';
import type { DatabaseHandle } from '../store/handles.js';
import type { NationCode } from '../kernel/nation.js';
import type { Clock } from '../kernel/clock.js';
import type { AnchorRepository } from '../store/anchor-repository.js';
import type { AuditRepository } from '../store/audit-repository.js';
import { anchorsAnswer } from './anchors.js';
import { FeedNonceRepository, FeedRefusalRepository } from '../store/feed-guard-repository.js';
import type { OutboxRepository } from '../store/outbox-repository.js';
import type { Peer, PeerRepository } from '../store/peer-repository.js';
import type { SecondmentRepository } from '../store/secondment-repository.js';
import { normalisePublicKey, parsePublicKey } from './node-keys.js';
import { RefusalTally } from './refusal-tally.js';
import { ReplayGuard } from './replay-guard.js';
import { checkRequest, readStamp, signResponse } from './request-signature.js';

export const FEED_PATH = '/federation/v1/feed';
export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 500;
export const MAX_WAIT_SECONDS = 30;
/** Even without a signal from this process, a waiting feed looks again this often (another process may write). */
const RECHECK_MS = 1000;
/** How often the counts of refused requests of minutes that are over go to the audit log. */
const REFUSALS_FLUSH_MS = 60_000;

export interface FeedServerDeps {
  db: DatabaseHandle;
  self: NationCode;
  privateKey: KeyObject;
  peers: PeerRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  anchors: AnchorRepository;
  secondments: SecondmentRepository;
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
  private readonly refusals: RefusalTally;
  private readonly flushing: NodeJS.Timeout;

  constructor(private readonly deps: FeedServerDeps) {
    // Nonces are kept in the database: a request captured on the wire stays refused after a restart.
    this.guard = new ReplayGuard(deps.replayWindowSeconds * 1000, new FeedNonceRepository(deps.db));
    this.refusals = new RefusalTally({ db: deps.db, refusals: new FeedRefusalRepository(), audit: deps.audit, clock: deps.clock });
    this.flushing = setInterval(() => void this.refusals.flush().catch(() => {}), REFUSALS_FLUSH_MS).unref();
  }

  /** Writes the refusals still being counted; called when the node stops. */
  async close(): Promise<void> {
    clearInterval(this.flushing);
    await this.refusals.flush(true);
  }

  /**
   * Identifies the calling peer from its signed headers. Refusals are audited per minute, reason
   * and caller (the peer's nation when the key is a peer's, else the address), not one by one.
   */
  async authenticate(
    method: string,
    pathAndQuery: string,
    headers: Record<string, string | string[] | undefined>,
    remote: string,
  ): Promise<FeedAuthentication> {
    const refuse = async (reason: string, key?: string, peer?: Peer): Promise<FeedAuthentication> => {
      await this.refusals.refused(reason, peer?.nation ?? remote, { remote, key: key?.slice(0, 16) ?? null, path: pathAndQuery.slice(0, 200) });
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
    if (!check.ok) return refuse(check.reason, stamp.publicKey, peer);
    if (!(await this.guard.accept(`${peer.nation}:${stamp.nonce}`, nowMs))) return refuse('replayed-nonce', stamp.publicKey, peer);
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
    // The answer carries an anchor of this node's audit chain: the hash of the entry that records
    // this very answer. The entry holds a random seal the partner never sees, so the anchor cannot
    // be recomputed from what the partner knows (its page, roughly when, and the entry's number,
    // which would tell how much national activity the log holds): it tells nothing but itself.
    const seal = randomBytes(16).toString('base64url');
    const anchor = await this.deps.audit.record(this.now(), [
      { action: 'feed.served', detail: { peer: peer.nation, after, next: page.next, envelopes: page.envelopes.length, seal } },
    ]);
    // Secondments this nation revoked for the caller's node, until they expire: the caller stops honouring them.
    const revoked = await this.deps.secondments.revokedFor(peer.nation, this.now());
    const body = `{"envelopes":[${page.envelopes.join(',')}],"next":${page.next},"anchor":${JSON.stringify(anchor)},"revoked":${JSON.stringify(revoked)}}`;
    return { body, signature: signResponse(nonce, body, this.deps.privateKey) };
  }

  /** The anchors this node kept of the calling peer's audit chain, for its `diboli audit verify`. */
  async anchorsOf(peer: Peer, nonce: string): Promise<ServedPage> {
    const held = await this.deps.anchors.heldOf(peer.nation);
    const body = anchorsAnswer(held);
    await this.deps.audit.record(this.now(), [{ action: 'anchors.served', detail: { peer: peer.nation, anchors: held.length } }]);
    return { body, signature: signResponse(nonce, body, this.deps.privateKey) };
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
