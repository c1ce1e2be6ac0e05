import type { Incident } from '../domain/incident.js';
import type { NationCode } from '../domain/nation.js';
import type { Patrol } from '../domain/patrol.js';
import { isVisibleTo, type Releasable } from '../domain/sovereignty.js';
import type { EarlyWarningService } from './early-warning-service.js';
import type { NodeContext } from './node-context.js';

/** One open stream: the nation it reads as, and where its frames go. */
export interface StreamClient {
  nation: NationCode;
  /** The frame's UTF-8 bytes, encoded once for every client. */
  send(frame: Uint8Array): void;
}

const instances = new WeakMap<NodeContext, LiveStream>();

export function liveStreamOf(node: NodeContext, earlyWarning: EarlyWarningService): LiveStream {
  let stream = instances.get(node);
  if (!stream) {
    stream = new LiveStream(node, earlyWarning);
    instances.set(node, stream);
  }
  return stream;
}

/**
 * Server-sent events of what changed on the node, each frame serialised once and written to the
 * clients whose nation may see the record (the sovereignty rule, applied per event and client).
 */
export class LiveStream {
  private readonly clients = new Set<StreamClient>();
  private sequence = 0;
  private readonly detach: (() => void)[] = [];

  constructor(
    private readonly node: NodeContext,
    earlyWarning: EarlyWarningService,
  ) {
    const onAlert = (alert: Releasable & { id: string }) => this.publish('alert', alert, alert);
    const onLevel = (entry: unknown) => this.publish('level', null, entry);
    const onIncident = ({ before, after }: { before?: Incident; after?: Incident }) => this.recordChanged('incident', before, after);
    const onPatrol = ({ before, after }: { before?: Patrol; after?: Patrol }) => this.recordChanged('patrol', before, after);
    const onPositions = (batch: { patrolId: string; count: number; lastAt: string }) => void this.positions(batch);
    earlyWarning.events.on('alert', onAlert);
    earlyWarning.events.on('level', onLevel);
    node.events.on('incident', onIncident);
    node.events.on('patrol', onPatrol);
    node.events.on('positions', onPositions);
    this.detach.push(
      () => earlyWarning.events.off('alert', onAlert),
      () => earlyWarning.events.off('level', onLevel),
      () => node.events.off('incident', onIncident),
      () => node.events.off('patrol', onPatrol),
      () => node.events.off('positions', onPositions),
    );
  }

  get size(): number {
    return this.clients.size;
  }

  add(client: StreamClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  close(): void {
    for (const off of this.detach.splice(0)) off();
    this.clients.clear();
    instances.delete(this.node);
  }

  /** `record` decides who receives the frame; null for what every user of the node may read. */
  publish(event: string, record: Releasable | null, data: unknown): void {
    if (this.clients.size === 0) return;
    this.sequence += 1;
    const frame = Buffer.from(`id: ${this.sequence}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    for (const client of this.clients) {
      if (record === null || isVisibleTo(record, client.nation)) client.send(frame);
    }
  }

  private recordChanged<T extends Releasable & { id: string }>(kind: string, before: T | undefined, after: T | undefined): void {
    if (after) this.publish(kind, after, { kind, record: after });
    // Those who could see the old version and not the new one are told to drop their copy.
    if (before && this.clients.size > 0) {
      const frame = Buffer.from(`event: ${kind}-removed\ndata: ${JSON.stringify({ kind, id: before.id })}\n\n`);
      for (const client of this.clients) {
        if (isVisibleTo(before, client.nation) && !(after && isVisibleTo(after, client.nation))) client.send(frame);
      }
    }
  }

  /** Live positions are the most sensitive data: owner, and partners the sharing policy names. */
  private async positions(batch: { patrolId: string; count: number; lastAt: string }): Promise<void> {
    if (this.clients.size === 0) return;
    const patrol = await this.node.repos.patrols.findVisible(batch.patrolId, this.node.nation).catch(() => undefined);
    if (!patrol) return;
    const sharedWith = patrol.releasableTo.filter((n) => this.node.mechanism.sharingPolicy.position.includes(n));
    this.publish('positions', { owner: patrol.owner, releasableTo: sharedWith }, batch);
  }
}
