import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import type { Clock } from '../kernel/clock.js';
import type { AnchorRepository } from '../store/anchor-repository.js';
import type { AuditEntry, AuditRepository } from '../store/audit-repository.js';
import type { Peer, PeerRepository } from '../store/peer-repository.js';
import { fromRow as incidentFromRow } from '../store/incident-repository.js';
import { localCopyOf, ReceivedIncidents, removeReceived, storeReceived } from '../store/received-records.js';
import type { Incident } from '../domain/incident.js';
import type { Patrol } from '../domain/patrol.js';
import type { PatrolApprovalRecord } from '../domain/patrol-approval.js';
import type { PatrolRepository } from '../store/patrol-repository.js';
import type { SecondmentRepository } from '../store/secondment-repository.js';
import type SQLite from 'better-sqlite3';
import type { Database } from '../store/schema.js';
import { backoffDelay } from './backoff.js';
import { asEnvelope, subjectOf, type Envelope, type RecordKind } from './envelope.js';
import { verifyEnvelope } from './envelope-signature.js';
import { DEFAULT_PAGE, FEED_PATH, MAX_PAGE } from './feed-server.js';
import { mayApply } from './may-apply.js';
import { parsePublicKey } from './node-keys.js';
import { applyReceivedApproval } from './received-approval.js';
import type { ReleaseStep } from './release.js';
import { isRecordBody } from './record-bodies.js';
import { HEADER_SIGNATURE, newNonce, signRequest, verifyResponse } from './request-signature.js';

/** More revoked secondments than this in one answer is not an honest node's answer. */
const MAX_REVOCATIONS = 10_000;
/** A page bigger than this is refused unread: no honest page of MAX_PAGE records comes near it. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;
/** How long a running node holds each feed request open waiting for news. */
export const LONG_POLL_SECONDS = 20;
/** How often a running node looks for peers registered since it started. */
const PEER_REFRESH_MS = 5000;

/** A change a pulled page made to the local store. */
export interface AppliedChange {
  kind: RecordKind;
  id: string;
  action: 'upsert' | 'delete';
  /** The record as received (upsert). */
  body?: unknown;
  /** The incident as it was before a retraction removed it, so listeners can take it back out. */
  before?: Incident;
  /**
   * Set on a change this node made to one of its own records because of a received one (a
   * partner's approval applied to our patrol); `body` is then the new version, `before` the old.
   */
  consequence?: { before: Patrol };
}

export interface PullResult {
  peer: NationCode;
  applied: number;
  deleted: number;
  ignored: number;
  cursor: number;
  /** The page was full: more may be waiting. */
  more: boolean;
}

export class PullError extends Error {}

/** Thrown inside the apply transaction so that it rolls back whatever the page had already changed. */
class PageRefused extends Error {}

export interface PullerDeps {
  db: Kysely<Database>;
  /** The same connection as `db`, for the prepared statements of the incident hot path. */
  sqlite: SQLite.Database;
  self: NationCode;
  publicKey: string;
  privateKey: KeyObject;
  peers: PeerRepository;
  audit: AuditRepository;
  /** Where the peers' audit anchors are kept. */
  anchors: AnchorRepository;
  /** Where the secondments a peer's nation revoked are kept. */
  secondments: SecondmentRepository;
  /** Writes this node's patrols when a partner's approval applies… */
  patrols: PatrolRepository;
  /** …and releases the new version, in the page's transaction. */
  release: ReleaseStep;
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
          Object.assign(total, { applied: total.applied + page.applied, deleted: total.deleted + page.deleted, ignored: total.ignored + page.ignored, cursor: page.cursor, more: page.more });
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

  private async fetchAndApply(peer: Peer, waitSeconds: number): Promise<PullResult> {
    const peerKey = parsePublicKey(peer.publicKey);
    if (!peerKey) throw new PullError(`the registered key of ${peer.nation} is not a valid public key`);
    const cursor = peer.cursor;
    const pageSize = Math.min(this.deps.pageSize ?? DEFAULT_PAGE, MAX_PAGE);
    const target = new URL(`${peer.url.replace(/\/+$/, '')}${FEED_PATH}?after=${cursor}&limit=${pageSize}&wait=${waitSeconds}`);
    const pathAndQuery = target.pathname + target.search;
    const nonce = newNonce();
    const headers = signRequest({ method: 'GET', pathAndQuery, audience: peer.nation, timestamp: this.deps.clock.now().getTime(), nonce }, this.deps.privateKey, this.deps.publicKey);
    const signal = AbortSignal.any([this.stopping.signal, AbortSignal.timeout((waitSeconds + 30) * 1000)]);
    const response = await (this.deps.fetch ?? fetch)(target, { headers, signal, redirect: 'error' });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new PullError(`${peer.nation} answered HTTP ${response.status}`);
    }
    let body: Buffer;
    try {
      body = await readCapped(response, MAX_PAGE_BYTES);
    } catch (error) {
      // A compressed page altered on the way fails to inflate before its signature can be checked.
      if (failedToInflate(error)) return this.rejectPage(peer, 'the page could not be decompressed');
      throw error;
    }
    const signature = response.headers.get(HEADER_SIGNATURE);
    if (!signature || !verifyResponse(nonce, body, signature, peerKey)) {
      return this.rejectPage(peer, 'the page is not signed by the registered key of the peer');
    }
    const page = parsePage(body.toString('utf8'), cursor, pageSize);
    if (typeof page === 'string') return this.rejectPage(peer, page);
    for (const envelope of page.envelopes) {
      if (!verifyEnvelope(envelope, peerKey)) return this.rejectPage(peer, `envelope ${envelope.kind} ${envelope.id} v${envelope.version} has a bad signature`);
    }
    return this.apply(peer, cursor, page, pageSize);
  }

  private async apply(peer: Peer, cursor: number, page: ParsedPage, pageSize: number): Promise<PullResult> {
    const at = this.now();
    const changes: AppliedChange[] = [];
    let ignored = 0;
    const rejection = await this.deps.db
      .transaction()
      .execute(async (trx) => {
        // Another puller (a one-shot sync beside the running node) may have moved on meanwhile.
        const stored = await this.deps.peers.cursorOf(trx, peer.nation);
        if (stored !== cursor) throw new PullError(`the cursor of ${peer.nation} moved while its page was being fetched`);
        const audit: AuditEntry[] = [];
        for (const envelope of page.envelopes) {
          const subject = subjectOf(envelope);
          const local = subject.kind === 'incident' ? this.incidents.localCopyOf(subject.id) : await localCopyOf(trx, subject.kind, subject.id);
          const verdict = mayApply(envelope, local, { self: this.deps.self, peer: peer.nation });
          if (verdict.action === 'reject') throw new PageRefused(`envelope ${envelope.kind} ${envelope.id} v${envelope.version}: ${verdict.reason}`);
          if (verdict.action === 'ignore') {
            ignored += 1;
            continue;
          }
          if (verdict.action === 'delete') {
            let before: Incident | undefined;
            if (subject.kind === 'incident') {
              const row = await trx.selectFrom('incidents').selectAll().where('id', '=', subject.id).executeTakeFirst();
              before = row && incidentFromRow(row);
              this.incidents.remove(subject.id);
            } else {
              await removeReceived(trx, subject.kind, subject.id);
            }
            changes.push({ kind: subject.kind, id: subject.id, action: 'delete', before });
          } else {
            if (!isRecordBody(subject.kind, envelope.body)) throw new PageRefused(`envelope ${envelope.kind} ${envelope.id} v${envelope.version}: malformed record`);
            if (subject.kind === 'incident') this.incidents.store(envelope.body as Incident);
            else await storeReceived(trx, subject.kind, envelope.body);
            changes.push({ kind: subject.kind, id: subject.id, action: 'upsert', body: envelope.body });
          }
          audit.push({ action: verdict.action === 'delete' ? 'envelope.retracted' : 'envelope.applied', detail: { from: peer.nation, kind: subject.kind, id: subject.id, version: envelope.version } });
          if (verdict.action === 'upsert' && subject.kind === 'patrol-approval') {
            // Only a version never seen before gets here, so a replayed approval has no effect twice.
            const effect = await applyReceivedApproval(trx, this.deps.self, envelope.body as PatrolApprovalRecord, this.deps.patrols, this.deps.release, at);
            audit.push(effect.audit);
            if (effect.before && effect.after) changes.push({ kind: 'patrol', id: effect.after.id, action: 'upsert', body: effect.after, consequence: { before: effect.before } });
          }
        }
        await this.deps.audit.append(trx, at, audit);
        if (page.anchor) await this.deps.anchors.keep(trx, peer.nation, page.anchor, at);
        await this.deps.secondments.recordRevocations(trx, peer.nation, page.revoked, at);
        await this.deps.peers.advance(trx, peer.nation, page.next, at);
        return undefined;
      })
      .catch((error: unknown) => {
        // The transaction rolled back: nothing of the page was written, the cursor did not move.
        if (error instanceof PageRefused) return error.message;
        if (error instanceof PullError) throw error;
        throw new PullError(`applying the page of ${peer.nation} failed: ${(error as Error).message}`);
      });
    if (rejection) return this.rejectPage(peer, rejection);
    if (changes.length > 0) this.deps.onApplied?.(changes);
    const deleted = changes.filter((c) => c.action === 'delete').length;
    const consequences = changes.filter((c) => c.consequence).length;
    return { peer: peer.nation, applied: changes.length - deleted - consequences, deleted, ignored, cursor: page.next, more: page.envelopes.length >= pageSize };
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

/** The page's outer shape; every envelope in it must have an envelope's shape too. */
function parsePage(text: string, cursor: number, pageSize: number): ParsedPage | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'the page is not JSON';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'the page is not an object';
  const { envelopes, next, anchor, revoked } = parsed as { envelopes?: unknown; next?: unknown; anchor?: unknown; revoked?: unknown };
  if (!Array.isArray(envelopes) || !Number.isSafeInteger(next) || (next as number) < cursor) return 'the page has no envelopes or cursor';
  // A node of an earlier release sends no anchor; one that does sends a SHA-256 in hex.
  if (anchor !== undefined && (typeof anchor !== 'string' || !/^[0-9a-f]{64}$/.test(anchor))) return 'the page has a malformed audit anchor';
  const revocations = revoked ?? [];
  if (!Array.isArray(revocations) || revocations.length > MAX_REVOCATIONS || !revocations.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100)) {
    return 'the page has a malformed list of revoked secondments';
  }
  if (envelopes.length > pageSize) return `the page holds ${envelopes.length} envelopes, more than the ${pageSize} asked for`;
  const checked: Envelope[] = [];
  for (const raw of envelopes) {
    const envelope = asEnvelope(raw);
    if (!envelope) return 'the page holds something that is not an envelope';
    checked.push(envelope);
  }
  return { envelopes: checked, next: next as number, anchor: anchor as string | undefined, revoked: revocations as string[] };
}

interface ParsedPage {
  envelopes: Envelope[];
  next: number;
  /** The serving node's audit anchor, kept so that `diboli audit verify` there can be checked against it. */
  anchor: string | undefined;
  /** Secondments the peer's nation revoked for this node (credential ids). */
  revoked: string[];
}

/** zlib's own error codes (Z_DATA_ERROR, Z_BUF_ERROR…), as fetch reports them under `cause`. */
function failedToInflate(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI'));
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new PullError(`the page is larger than ${maxBytes} bytes`);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new PullError(`the page is larger than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
