import type { KeyObject } from 'node:crypto';
import type { SqliteConnection } from '../store/handles.js';
import type { NationCode } from '../kernel/nation.js';
import type { Clock } from '../kernel/clock.js';
import type { Peer } from '../domain/peer.js';
import { ReceivedIncidents } from '../store/received-records.js';
import { backoffDelay } from './backoff.js';
import { DEFAULT_PAGE, MAX_PAGE } from './feed-server.js';
import { parsePublicKey } from './node-keys.js';
import { applyPage, type AppliedChange, type ApplyDeps } from './pull-apply.js';
import { fetchPage, PullError } from './pull-fetch.js';
import { verifyPage, type ParsedPage } from './pull-verify.js';

export { PullError, type AppliedChange };

/** How long a running node holds each feed request open waiting for news. */
export const LONG_POLL_SECONDS = 20;
/** How often a running node looks for peers registered since it started. */
const PEER_REFRESH_MS = 5000;

export interface PullResult {
  peer: NationCode;
  applied: number;
  deleted: number;
  ignored: number;
  cursor: number;
  /** The page was full: more may be waiting. */
  more: boolean;
}

/** What the puller needs: what applying a page needs (pull-apply.ts), and its keys, clock and hooks. */
export interface PullerDeps extends ApplyDeps {
  /** The same connection as `db`, for the prepared statements of the incident hot path. */
  sqlite: SqliteConnection;
  publicKey: string;
  privateKey: KeyObject;
  clock: Clock;
  random?: () => number;
  pageSize?: number;
  fetch?: typeof fetch;
  onApplied?: (changes: AppliedChange[]) => void;
  onError?: (peer: NationCode, error: Error) => void;
}

/**
 * Pulls partner feeds into the local store. A page is applied only whole: its signature, every
 * envelope's signature and origin, and the rules of `mayApply` are checked first, then records,
 * retractions, audit entries and the new cursor go in one transaction.
 */
export class Puller {
  private stopping = new AbortController();
  private readonly loops = new Map<NationCode, Promise<void>>();
  private supervisor: Promise<void> | undefined;
  private readonly incidents: ReceivedIncidents;

  constructor(private readonly deps: PullerDeps) {
    this.incidents = new ReceivedIncidents(deps.sqlite);
  }

  /** Fetches and applies one page of `peer`'s feed from its stored cursor. */
  async pullOnce(peer: Peer, waitSeconds = 0): Promise<PullResult> {
    try {
      return await this.fetchAndApply(peer, waitSeconds);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!this.stopping.signal.aborted) await this.deps.peers.markFailure(peer.nation, message, this.now());
      throw error instanceof PullError ? error : new PullError(message);
    }
  }

  /** Pulls every peer until it has nothing more; one peer failing does not stop the others. */
  async syncAll(): Promise<{ peer: NationCode; result?: PullResult; error?: string }[]> {
    const outcomes = [];
    for (const peer of await this.deps.peers.list()) {
      const total: PullResult = { peer: peer.nation, applied: 0, deleted: 0, ignored: 0, cursor: peer.cursor, more: true };
      try {
        while (total.more) {
          const current = (await this.deps.peers.byNation(peer.nation)) ?? peer;
          const page = await this.pullOnce(current);
          Object.assign(total, {
            applied: total.applied + page.applied,
            deleted: total.deleted + page.deleted,
            ignored: total.ignored + page.ignored,
            cursor: page.cursor,
            more: page.more,
          });
        }
        outcomes.push({ peer: peer.nation, result: total });
      } catch (error) {
        outcomes.push({ peer: peer.nation, result: total, error: (error as Error).message });
      }
    }
    return outcomes;
  }

  /** Keeps pulling every registered peer (long poll, back-off with jitter on failure) until stop(). */
  start(): void {
    if (this.supervisor) return;
    this.stopping = new AbortController();
    this.supervisor = this.supervise();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.supervisor;
    await Promise.all(this.loops.values());
    this.loops.clear();
    this.supervisor = undefined;
  }

  private async supervise(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      for (const peer of await this.deps.peers.list().catch(() => [])) {
        if (!this.loops.has(peer.nation)) this.loops.set(peer.nation, this.follow(peer.nation));
      }
      await this.sleep(PEER_REFRESH_MS);
    }
  }

  private async follow(nation: NationCode): Promise<void> {
    let failures = 0;
    let more = true;
    while (!this.stopping.signal.aborted) {
      try {
        const peer = await this.deps.peers.byNation(nation);
        if (!peer) return;
        more = (await this.pullOnce(peer, more ? 0 : LONG_POLL_SECONDS)).more;
        failures = 0;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        failures += 1;
        this.deps.onError?.(nation, error as Error);
        more = true;
        await this.sleep(backoffDelay(failures, (this.deps.random ?? Math.random)()));
      }
    }
  }

  /** One page: fetched (pull-fetch.ts), verified (pull-verify.ts), applied in one transaction (pull-apply.ts). */
  private async fetchAndApply(peer: Peer, waitSeconds: number): Promise<PullResult> {
    const peerKey = parsePublicKey(peer.publicKey);
    if (!peerKey) throw new PullError(`the registered key of ${peer.nation} is not a valid public key`);
    const cursor = peer.cursor;
    const pageSize = Math.min(this.deps.pageSize ?? DEFAULT_PAGE, MAX_PAGE);
    const fetched = await fetchPage(peer, cursor, pageSize, waitSeconds, {
      self: { publicKey: this.deps.publicKey, privateKey: this.deps.privateKey },
      clock: this.deps.clock,
      fetch: this.deps.fetch,
      signal: this.stopping.signal,
    });
    if (!fetched.ok) return this.rejectPage(peer, fetched.reason);
    const page = verifyPage(fetched, peerKey, cursor, pageSize);
    if (typeof page === 'string') return this.rejectPage(peer, page);
    return this.apply(peer, cursor, page, pageSize);
  }

  private async apply(peer: Peer, cursor: number, page: ParsedPage, pageSize: number): Promise<PullResult> {
    const outcome = await applyPage(this.deps, this.incidents, peer, cursor, page, this.now());
    if ('refused' in outcome) return this.rejectPage(peer, outcome.refused);
    const { changes, ignored } = outcome;
    if (changes.length > 0) this.deps.onApplied?.(changes);
    const deleted = changes.filter((c) => c.action === 'delete').length;
    const consequences = changes.filter((c) => c.consequence).length;
    return {
      peer: peer.nation,
      applied: changes.length - deleted - consequences,
      deleted,
      ignored,
      cursor: page.next,
      more: page.envelopes.length >= pageSize,
    };
  }

  private async rejectPage(peer: Peer, reason: string): Promise<never> {
    await this.deps.audit.record(this.now(), [{ action: 'feed.page-rejected', detail: { from: peer.nation, cursor: peer.cursor, reason } }]);
    throw new PullError(`page from ${peer.nation} rejected: ${reason}`);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopping.signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        this.stopping.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stopping.signal.addEventListener('abort', done, { once: true });
    });
  }
}
