import type { AlertMessage } from '../domain/alert.js';
import type { Incident } from '../domain/incident.js';
import type { NationCode } from '../domain/nation.js';
import type { Patrol } from '../domain/patrol.js';
import { isDerivedFor, isVisibleTo, positionsAudience, type Releasable } from '../domain/sovereignty.js';
import type { AudienceLevelEntry } from '../store/threat-level-repository.js';
import type { EarlyWarningService } from './early-warning-service.js';
import type { NodeContext } from './node-context.js';

/** One open stream: the nation it reads as, and where its frames go. */
export interface StreamClient {
  nation: NationCode;
  /** The frame's UTF-8 bytes, encoded once for every client of the nation. */
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
 * Server-sent events of what changed on the node. Each frame goes to the clients whose nation may
 * receive it (the sovereignty rules, applied per event and nation), and frames are numbered per
 * nation: a nation's ids count only the frames it was sent, so they tell it nothing of the others.
 */
export class LiveStream {
  private readonly clients = new Map<NationCode, Set<StreamClient>>();
  private readonly sequences = new Map<NationCode, number>();
  private readonly detach: (() => void)[] = [];

  constructor(
    private readonly node: NodeContext,
    earlyWarning: EarlyWarningService,
  ) {
    const onAlert = (message: AlertMessage) => this.publish(message.msgType === 'Cancel' ? 'alert-cancelled' : 'alert', message, (nation) => isDerivedFor(message, nation));
    const onLevel = ({ audience, ...entry }: AudienceLevelEntry) => this.publish('level', entry, (nation) => nation === audience);
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
    let count = 0;
    for (const group of this.clients.values()) count += group.size;
    return count;
  }

  add(client: StreamClient): () => void {
    const group = this.clients.get(client.nation) ?? new Set<StreamClient>();
    group.add(client);
    this.clients.set(client.nation, group);
    return () => {
      group.delete(client);
      if (group.size === 0 && this.clients.get(client.nation) === group) this.clients.delete(client.nation);
    };
  }

  close(): void {
    for (const off of this.detach.splice(0)) off();
    this.clients.clear();
    instances.delete(this.node);
  }

  /**
   * Sends `data` as event `event` to the clients of every nation `mayReceive` lets through. The
   * body is serialised once; each such nation's next id is put in front of it.
   */
  publish(event: string, data: unknown, mayReceive: (nation: NationCode) => boolean): void {
    if (this.clients.size === 0) return;
    let body: string | undefined;
    for (const [nation, group] of this.clients) {
      if (!mayReceive(nation)) continue;
      body ??= `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
      const id = (this.sequences.get(nation) ?? 0) + 1;
      this.sequences.set(nation, id);
      const frame = Buffer.from(`id: ${id}\n${body}`);
      for (const client of group) client.send(frame);
    }
  }

  private recordChanged<T extends Releasable & { id: string }>(kind: string, before: T | undefined, after: T | undefined): void {
    if (after) this.publish(kind, { kind, record: after }, (nation) => isVisibleTo(after, nation));
    // Those who could see the old version and not the new one are told to drop their copy.
    if (before) this.publish(`${kind}-removed`, { kind, id: before.id }, (nation) => isVisibleTo(before, nation) && !(after && isVisibleTo(after, nation)));
  }

  /** Live positions are the most sensitive data: owner, and partners the position policy names. */
  private async positions(batch: { patrolId: string; count: number; lastAt: string }): Promise<void> {
    if (this.clients.size === 0) return;
    const patrol = await this.node.repos.patrols.findVisible(batch.patrolId, this.node.nation).catch(() => undefined);
    if (!patrol) return;
    const audience = positionsAudience(patrol, this.node.mechanism);
    this.publish('positions', batch, (nation) => isVisibleTo(audience, nation));
  }
}
