import { newClientId } from './ids';
import type { Counts, OutboxRecord } from './rules';
import { enqueue, type PatrolOnDevice, type Profile, savePatrol } from './store';
import type { Syncer } from './sync';

/**
 * What the leader does to a patrol, recorded on the device first: the outbox takes the record, the
 * patrol on the device shows it at once, and the syncer sends it when it can.
 */
export class Recorder {
  private readonly held = new Map<string, PatrolOnDevice>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly profile: Profile,
    private readonly syncer: Syncer,
    private readonly changed: (patrol: PatrolOnDevice) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The patrols as the device holds them (from the store, or the node's list of the day). */
  load(patrols: readonly PatrolOnDevice[]): void {
    for (const patrol of patrols) this.held.set(patrol.id, patrol);
  }

  /** One change at a time, each on the patrol as the previous one left it (fixes may come quickly). */
  private serial(id: string, change: (patrol: PatrolOnDevice) => Promise<PatrolOnDevice>): Promise<PatrolOnDevice> {
    const next = this.queue.then(() => change(this.held.get(id)!));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private base(patrol: PatrolOnDevice) {
    return { id: newClientId(), patrolId: patrol.id, userId: this.profile.id, at: this.now().toISOString() };
  }

  private async keep(records: OutboxRecord[], patrol: PatrolOnDevice): Promise<PatrolOnDevice> {
    await enqueue(records);
    await savePatrol(patrol);
    this.held.set(patrol.id, patrol);
    this.changed(patrol);
    await this.syncer.recorded(records[0]!.kind);
    return patrol;
  }

  start(id: string): Promise<PatrolOnDevice> {
    return this.serial(id, (patrol) => this.keep([{ ...this.base(patrol), kind: 'start' }], { ...patrol, localStatus: 'underway', tracking: true }));
  }

  complete(id: string): Promise<PatrolOnDevice> {
    return this.serial(id, (patrol) => this.keep([{ ...this.base(patrol), kind: 'complete' }], { ...patrol, localStatus: 'completed', tracking: false }));
  }

  /** A fix kept at the chosen interval, stamped with the time the receiver took it. */
  position(id: string, fix: { lat: number; lon: number; at: number }): Promise<PatrolOnDevice> {
    return this.serial(id, (patrol) => {
      const record: OutboxRecord = { ...this.base(patrol), kind: 'position', at: new Date(fix.at).toISOString(), lat: fix.lat, lon: fix.lon };
      return this.keep([record], { ...patrol, positions: patrol.positions + 1, lastFix: fix });
    });
  }

  observation(
    id: string,
    input: { eventType: string | null; counts: Counts; text: string; location: { lat: number; lon: number } | null; photos: Blob[] },
  ): Promise<PatrolOnDevice> {
    return this.serial(id, (patrol) => this.observe(patrol, input));
  }

  private observe(
    patrol: PatrolOnDevice,
    input: { eventType: string | null; counts: Counts; text: string; location: { lat: number; lon: number } | null; photos: Blob[] },
  ): Promise<PatrolOnDevice> {
    const observation = { ...this.base(patrol), kind: 'observation' as const, ...input };
    const { photos, ...record } = observation;
    // The photos come after their observation in the outbox, so the node holds it when they arrive.
    const photoRecords: OutboxRecord[] = photos.map((photo) => ({
      ...this.base(patrol),
      kind: 'photo',
      observationId: observation.id,
      photo,
      contentType: photo.type || 'image/jpeg',
    }));
    return this.keep([record, ...photoRecords], { ...patrol, observations: patrol.observations + 1 });
  }

  debrief(id: string, text: string): Promise<PatrolOnDevice> {
    return this.serial(id, (patrol) => this.keep([{ ...this.base(patrol), kind: 'debrief', text }], { ...patrol, debriefSent: true }));
  }

  /** Pause and resume touch only the device: the node's patrol stays under way. */
  track(id: string, tracking: boolean, intervalS?: number): Promise<PatrolOnDevice> {
    return this.serial(id, async (patrol) => {
      const next = { ...patrol, tracking, intervalS: intervalS ?? patrol.intervalS };
      await savePatrol(next);
      this.held.set(id, next);
      this.changed(next);
      return next;
    });
  }
}
