import type { AlertMessage } from '../domain/alert.js';
import type { Incident } from '../contracts/incident.js';
import type { NationCode } from '../kernel/nation.js';
import type { Patrol } from '../contracts/patrol.js';
import { isDerivedFor, isVisibleTo, positionsAudience, type Releasable } from '../domain/sovereignty.js';
import { resumePlan, sseFrame, streamRecordKey, type ResumePlan } from '../domain/stream-resume.js';
import { StreamLogRepository, type StreamRow } from '../store/stream-log-repository.js';
import type { AudienceLevelEntry } from '../store/threat-level-repository.js';
import type { EarlyWarningService } from './early-warning-service.js';
import type { NodeContext } from './node-context.js';
import { DAY_MS } from '../kernel/durations.js';

/** One open stream: the nation it reads as, and where its frames go. */
export interface StreamClient {
  nation: NationCode;
  /** The frame's UTF-8 bytes, encoded once for every client of the nation. */
  send(frame: Uint8Array): void;
  /** Resolves once the connection has taken what was written (a long replay waits on it). */
  drained?(): Promise<void>;
}

export interface LiveStreamOptions {
  /** Frames kept per audience for clients that come back, at most (default 10,000)… */
  keepEvents?: number;
  /** …and for at most this many days (default 7). */
  keepDays?: number;
  /** Period of the retention pass; 0 turns the timer off (tests call `prune`). Default 10 minutes. */
  pruneEveryMs?: number;
}

const DEFAULTS: Required<LiveStreamOptions> = { keepEvents: 10_000, keepDays: 7, pruneEveryMs: 600_000 };
/** Frames read per query during a replay. */
const PAGE = 500;
/** A retention pass also runs after this many frames kept. */
const PRUNE_AFTER_FRAMES = 1_000;

const instances = new WeakMap<NodeContext, LiveStream>();

export function liveStreamOf(node: NodeContext, earlyWarning: EarlyWarningService, options: LiveStreamOptions = {}): LiveStream {
  let stream = instances.get(node);
  if (!stream) {
    stream = new LiveStream(node, earlyWarning, options);
    instances.set(node, stream);
  }
  return stream;
}

const encode = (text: string) => Buffer.from(text);

/**
 * Server-sent events of what changed on the node. Each frame goes to the nations allowed it (the
 * sovereignty rules, applied per event and nation) and is numbered in each such nation's own
 * sequence, so that a nation's ids tell it nothing of the others. Every frame is kept, per
 * audience, before it is written to the clients: a client that lost its connection comes back
 * with the last id it read and is sent what it missed, then the live frames. Keeping and sending
 * run one frame at a time, in order, and a returning client joins the live clients in the same
 * step that sends it the last kept frames: nothing is missed or sent twice, whatever is written
 * meanwhile. What an audience loses (a record narrowed or retracted, an alert withdrawn) is
 * deleted from its kept frames when it loses it.
 */
export class LiveStream {
  private readonly clients = new Map<NationCode, Set<StreamClient>>();
  private readonly detach: (() => void)[] = [];
  private readonly log: StreamLogRepository;
  private readonly options: Required<LiveStreamOptions>;
  private queue: Promise<void> = Promise.resolve();
  private keptSincePrune = 0;
  private readonly timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly node: NodeContext,
    earlyWarning: EarlyWarningService,
    options: LiveStreamOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.log = new StreamLogRepository(node.store.db);
    const onAlert = (message: AlertMessage) =>
      this.publish(
        message.msgType === 'Cancel' ? 'alert-cancelled' : 'alert',
        message,
        this.audiences((nation) => isDerivedFor(message, nation)),
        streamRecordKey('alert', message.id),
      );
    const onWithdrawn = ({ audience, ids }: { audience: NationCode; ids: readonly string[] }) =>
      void this.serially(() =>
        this.log.retract(
          audience,
          ids.map((id) => streamRecordKey('alert', id)),
        ),
      );
    const onLevel = ({ audience, ...entry }: AudienceLevelEntry) =>
      this.publish(
        'level',
        entry,
        this.audiences((nation) => nation === audience),
        null,
      );
    const onIncident = ({ before, after }: { before?: Incident; after?: Incident }) => this.recordChanged('incident', before, after);
    const onPatrol = ({ before, after }: { before?: Patrol; after?: Patrol }) => this.recordChanged('patrol', before, after);
    const onPositions = (batch: { patrolId: string; count: number; lastAt: string }) => void this.positions(batch);
    earlyWarning.events.on('alert', onAlert);
    earlyWarning.events.on('withdrawn', onWithdrawn);
    earlyWarning.events.on('level', onLevel);
    node.events.on('incident', onIncident);
    node.events.on('patrol', onPatrol);
    node.events.on('positions', onPositions);
    this.detach.push(
      () => earlyWarning.events.off('alert', onAlert),
      () => earlyWarning.events.off('withdrawn', onWithdrawn),
      () => earlyWarning.events.off('level', onLevel),
      () => node.events.off('incident', onIncident),
      () => node.events.off('patrol', onPatrol),
      () => node.events.off('positions', onPositions),
    );
    if (this.options.pruneEveryMs > 0) {
      this.timer = setInterval(() => void this.prune(), this.options.pruneEveryMs);
      this.timer.unref();
    }
  }

  get size(): number {
    let count = 0;
    for (const group of this.clients.values()) count += group.size;
    return count;
  }

  /**
   * Opens a client's stream. With the `Last-Event-ID` it sent, it is first sent the kept frames
   * after that id (or a `reset` when they are no longer all kept); without, a `ready` frame that
   * gives it an id to come back with. Answers the function that closes it.
   */
  attach(client: StreamClient, lastEventId?: string): () => void {
    let gone = false;
    void this.resume(client, lastEventId, () => gone).catch((error: unknown) => this.warn(error));
    return () => {
      gone = true;
      const group = this.clients.get(client.nation);
      group?.delete(client);
      if (group && group.size === 0) this.clients.delete(client.nation);
    };
  }

  /** Stops listening, lets the frames being kept finish, and forgets the clients. */
  async close(): Promise<void> {
    for (const off of this.detach.splice(0)) off();
    if (this.timer) clearInterval(this.timer);
    await this.queue;
    this.closed = true;
    this.clients.clear();
    if (instances.get(this.node) === this) instances.delete(this.node);
  }

  /** The retention pass: per audience, the last `keepEvents` frames of the last `keepDays` days. */
  prune(): Promise<void> {
    const since = new Date(this.node.clock.now().getTime() - this.options.keepDays * DAY_MS).toISOString();
    return this.serially(() => this.log.prune(this.options.keepEvents, since));
  }

  /** Resolves once every frame told so far is kept and sent. */
  settled(): Promise<void> {
    return this.serially(async () => undefined);
  }

  private audiences(mayReceive: (nation: NationCode) => boolean): NationCode[] {
    return [...new Set(this.node.mechanism.nations)].sort().filter(mayReceive);
  }

  /** Runs keeping and sending one task at a time, in order; a failed task does not stop the next. */
  private serially(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((error: unknown) => this.warn(error));
    return this.queue;
  }

  private warn(error: unknown): void {
    if (!this.closed) process.emitWarning(`live stream: ${(error as Error).message}`);
  }

  /**
   * Keeps `data` as event `event` for each of `audiences`, numbered in each one's sequence, then
   * writes it to their clients. The body is serialised once, when the event is told.
   */
  private publish(event: string, data: unknown, audiences: NationCode[], record: string | null, retracts: readonly string[] = []): void {
    if (audiences.length === 0 || this.closed) return;
    const body = JSON.stringify(data);
    const at = this.node.clock.now().toISOString();
    void this.serially(async () => {
      const numbers = await this.log.append(
        audiences.map((audience) => ({ audience, event, data: body, record, retracts })),
        at,
      );
      audiences.forEach((audience, i) => {
        const group = this.clients.get(audience);
        if (!group || group.size === 0) return;
        const frame = encode(sseFrame(numbers[i]!, event, body));
        for (const client of group) client.send(frame);
      });
      this.keptSincePrune += numbers.length;
      if (this.keptSincePrune >= PRUNE_AFTER_FRAMES) {
        this.keptSincePrune = 0;
        void this.prune();
      }
    });
  }

  private async resume(client: StreamClient, lastEventId: string | undefined, gone: () => boolean): Promise<void> {
    const nation = client.nation;
    const plan = resumePlan(lastEventId, await this.log.state(nation));
    let after = plan.kind === 'replay' ? plan.after : 0;
    // The bulk of a replay is read while others keep publishing: what is kept meanwhile is read
    // by the last step, in the queue.
    if (plan.kind === 'replay') {
      for (;;) {
        const rows = await this.log.after(nation, after, PAGE);
        // Read after the rows: the bound only moves up, so rows read before it moved are whole.
        if ((await this.log.state(nation)).prunedThrough > after || gone()) break;
        after = this.sendRows(client, rows, after);
        if (rows.length < PAGE) break;
        await client.drained?.();
      }
    }
    await this.serially(async () => {
      if (gone()) return;
      const state = await this.log.state(nation);
      const last: ResumePlan = plan.kind === 'replay' ? resumePlan(String(after), state) : plan;
      if (last.kind === 'live') {
        client.send(encode(`id: ${state.head}\nevent: ready\ndata: {}\n\n`));
      } else if (last.kind === 'reset') {
        client.send(encode(`id: ${state.head}\nevent: reset\ndata: ${JSON.stringify({ reason: last.reason })}\n\n`));
      } else {
        for (;;) {
          const rows = await this.log.after(nation, after, PAGE);
          after = this.sendRows(client, rows, after);
          if (rows.length < PAGE) break;
        }
      }
      const group = this.clients.get(nation) ?? new Set<StreamClient>();
      group.add(client);
      this.clients.set(nation, group);
    });
  }

  private sendRows(client: StreamClient, rows: readonly StreamRow[], after: number): number {
    for (const row of rows) client.send(encode(sseFrame(row.seq, row.event, row.data)));
    return rows.at(-1)?.seq ?? after;
  }

  private recordChanged<T extends Releasable & { id: string }>(kind: 'incident' | 'patrol', before: T | undefined, after: T | undefined): void {
    const key = streamRecordKey(kind, (after ?? before)!.id);
    if (after)
      this.publish(
        kind,
        { kind, record: after },
        this.audiences((nation) => isVisibleTo(after, nation)),
        key,
      );
    // Those who could see the old version and not the new one are told to drop their copy, and
    // what they were sent of it is no longer kept for them.
    if (before) {
      const lost = this.audiences((nation) => isVisibleTo(before, nation) && !(after && isVisibleTo(after, nation)));
      const retracts = kind === 'patrol' ? [key, streamRecordKey('positions', before.id)] : [key];
      this.publish(`${kind}-removed`, { kind, id: before.id }, lost, key, retracts);
    }
  }

  /** Live positions are the most sensitive data: owner, and partners the position policy names. */
  private async positions(batch: { patrolId: string; count: number; lastAt: string }): Promise<void> {
    const patrol = await this.node.repos.patrols.findVisible(batch.patrolId, this.node.nation).catch(() => undefined);
    if (!patrol) return;
    const audience = positionsAudience(patrol, this.node.mechanism);
    this.publish(
      'positions',
      batch,
      this.audiences((nation) => isVisibleTo(audience, nation)),
      streamRecordKey('positions', batch.patrolId),
    );
  }
}
