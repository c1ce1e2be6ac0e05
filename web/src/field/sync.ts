import { patrol as fetchPatrol, readBody, send } from './api';
import { alreadyThere, nextBatch, outcomeOf, POSITIONS_PER_BATCH, type Queued, requestOf, retryDelayMs } from './rules';
import { lastSyncKey, observationNodeId, outboxHead, readMeta, refuse, settle, waitingCount } from './store';

export interface SyncState {
  waiting: number;
  lastSyncAt: string | null;
  syncing: boolean;
  /** The node refused the session: the leader logs in again; nothing leaves until then. */
  needsLogin: boolean;
  /** The last try found no node (the phone may still have a network). */
  unreachable: boolean;
  /** Bumped when items were refused, for the list to read them again. */
  refusedRevision: number;
}

/** The device's own reason, for a photo whose observation the node refused (worded by the UI). */
export const OBSERVATION_REFUSED = 'FIELD_OBSERVATION_REFUSED';

/** What one request left: the node took or refused the items at `at`, or they wait. */
type Sent = { kind: 'done' | 'refused'; at: Date } | { kind: 'retry' } | { kind: 'login' };

type Listener = (state: SyncState) => void;

/** Positions wait this long for company before a request leaves (one radio wake-up, not one per fix). */
const POSITION_FLUSH_MS = 20_000;
/** While open and something waits, a try at least this often. */
const PERIODIC_MS = 60_000;

/**
 * Sends the outbox to the node in order: on load, when the link comes back, after each record and
 * periodically while the app is open, with back-off after failures. What the node refuses is kept
 * in the refused list with its message. Each item carries its own id (the node's clientId), so a
 * request repeated after a lost answer stores nothing twice.
 */
export class Syncer {
  private state: SyncState = { waiting: 0, lastSyncAt: null, syncing: false, needsLogin: false, unreachable: false, refusedRevision: 0 };
  private listeners = new Set<Listener>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private userId: string | null = null;

  constructor(private readonly now: () => Date = () => new Date()) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Starts syncing for this user (their items only: another user's stay for their next login). */
  async begin(userId: string): Promise<void> {
    this.userId = userId;
    this.update({ needsLogin: false, lastSyncAt: (await readMeta<string>(lastSyncKey(userId))) ?? null });
    await this.recount();
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisible);
    this.soon(0);
  }

  end(): void {
    this.userId = null;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  /** Something was recorded: positions wait a little for others, anything else leaves now. */
  async recorded(kind: Queued['kind']): Promise<void> {
    await this.recount();
    this.soon(kind === 'position' && this.state.waiting < POSITIONS_PER_BATCH ? POSITION_FLUSH_MS : 0);
  }

  /** Sends now (the leader's button, or the link came back). */
  now_(): void {
    this.failures = 0;
    this.soon(0);
  }

  /** The node answered 401 to another request: nothing leaves until the leader logs in again. */
  sessionEnded(): void {
    this.update({ needsLogin: true });
  }

  private onOnline = () => this.now_();
  private onVisible = () => {
    if (document.visibilityState === 'visible') this.soon(0);
  };

  private soon(delayMs: number): void {
    if (!this.userId || this.state.needsLogin) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  private async run(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    const userId = this.userId;
    if (!userId) return;
    if (!navigator.onLine) return; // the `online` event brings us back
    this.update({ syncing: true });
    let next: number | undefined;
    try {
      for (;;) {
        const batch = nextBatch(await outboxHead(userId, POSITIONS_PER_BATCH), userId);
        if (batch.length === 0) break;
        const outcome = await this.sendBatch(batch);
        this.update({ unreachable: outcome.kind === 'retry' });
        if (outcome.kind === 'retry') {
          this.failures++;
          next = retryDelayMs(this.failures);
          break;
        }
        if (outcome.kind === 'login') {
          this.update({ needsLogin: true });
          break;
        }
        this.failures = 0;
        if (outcome.kind === 'refused') this.update({ refusedRevision: this.state.refusedRevision + 1 });
        // Counted again once the outbox is drained; meanwhile what left is taken off.
        this.update({ lastSyncAt: outcome.at.toISOString(), waiting: Math.max(0, this.state.waiting - batch.length) });
      }
    } finally {
      await this.recount();
      this.update({ syncing: false });
    }
    if (this.state.waiting > 0) this.soon(next ?? PERIODIC_MS);
  }

  /** One request for `batch`, and what it leaves in the store. */
  private async sendBatch(batch: Queued[]): Promise<Sent> {
    const head = batch[0]!;
    let nodeObservation: string | undefined;
    if (head.kind === 'photo') {
      nodeObservation = await observationNodeId(head.observationId);
      if (!nodeObservation) {
        // Its observation was refused (it sits in the refused list): the photo joins it there.
        const at = this.now();
        await refuse(batch, OBSERVATION_REFUSED, '', at);
        return { kind: 'refused', at };
      }
    }
    const { method, path, body } = requestOf(batch, nodeObservation);
    let response: Response;
    try {
      response = await send(method, path, body);
    } catch {
      return { kind: 'retry' };
    }
    const answer = await readBody(response);
    let outcome = outcomeOf(head, response.status, answer as { code?: string; message?: string } | undefined);
    if (outcome.kind === 'check-status' && (head.kind === 'start' || head.kind === 'complete')) {
      try {
        const current = await fetchPatrol(head.patrolId);
        outcome = alreadyThere(head.kind, current.status)
          ? { kind: 'done' }
          : { kind: 'refused', code: String(answer?.code ?? 'HTTP_409'), message: String(answer?.message ?? '') };
      } catch {
        return { kind: 'retry' };
      }
    }
    const at = this.now();
    if (outcome.kind === 'done') await settle(batch, at, head.kind === 'observation' ? String(answer?.id ?? '') : undefined);
    else if (outcome.kind === 'refused') await refuse(batch, outcome.code, outcome.message, at);
    else return outcome.kind === 'login' ? { kind: 'login' } : { kind: 'retry' };
    return { kind: outcome.kind, at };
  }

  private async recount(): Promise<void> {
    if (this.userId) this.update({ waiting: await waitingCount(this.userId) });
  }

  private update(change: Partial<SyncState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
