import { DiboliError } from '../domain/errors.js';
import { isEventType } from '../domain/event-types.js';
import { mayReportFromField } from '../domain/field-reporting.js';
import type { Observation, ObservationInput, PhotoRef, PositionReport } from '../contracts/observation.js';
import type { Patrol } from '../contracts/patrol.js';
import type { ReportedVia } from '../contracts/vocabularies.js';
import { cleanPhoto } from '../exchange/photo.js';
import { requireVerb } from '../domain/permissions.js';
import { requireWritableHere } from '../domain/sovereignty.js';
import type { Actor } from '../domain/user.js';
import { MINUTE_MS } from '../kernel/durations.js';
import type { StoredPosition } from '../store/patrol-repository.js';
import type { NodeContext } from './node-context.js';

/**
 * What a patrol reports on its way (positions, observations), whatever channel it comes by: the
 * API, the field app, SMS, radio or TAK. Records sent from the field carry the device's own id, so
 * the same record sent again (a lost answer, a gateway's retry) is stored once.
 */
export class FieldReporting {
  constructor(private readonly node: NodeContext) {}

  async reportPositions(
    actor: Actor,
    id: string,
    positions: readonly PositionReport[],
    via: ReportedVia = 'api',
  ): Promise<{ accepted: number; duplicates: number }> {
    requireVerb(actor, 'patrol.report');
    const patrol = await this.patrol(actor, id, via);
    if (!patrol.nations.includes(actor.nation)) throw new DiboliError('ERR_NOT_A_PARTICIPANT', { nation: actor.nation });
    if (patrol.status !== 'underway') throw new DiboliError('ERR_PATROL_NOT_UNDERWAY');
    const now = this.node.clock.now().getTime();
    const stored: StoredPosition[] = positions.map((p, i) => {
      const at = Date.parse(p.at);
      if (Number.isNaN(at)) throw new DiboliError('ERR_VALIDATION', { detail: `positions/${i}/at` }, `positions/${i}/at`);
      if (at > now + MINUTE_MS) throw new DiboliError('ERR_OCCURRED_IN_FUTURE', {}, `positions/${i}/at`);
      const section = this.node.sectionAt(p);
      // A point near a section is inside the area; only the others need the polygon test.
      if (section === null && !this.node.inArea(p)) throw new DiboliError('ERR_OUTSIDE_AREA', {}, `positions/${i}`);
      return { at: new Date(at).toISOString(), lat: p.lat, lon: p.lon, section, ...(p.clientId === undefined ? {} : { clientId: p.clientId }) };
    });
    const accepted = await this.node.repos.patrols.insertPositions(patrol.id, stored, actor.userId);
    if (accepted > 0) this.node.events.emit('positions', { patrolId: patrol.id, count: accepted, lastAt: stored.at(-1)!.at });
    return { accepted, duplicates: stored.length - accepted };
  }

  /**
   * Notes taken on the way, by the owner nation's people while the patrol runs or just after. The
   * same client id again answers the observation first stored (`created: false`), whatever
   * happened to the patrol since.
   */
  async observe(actor: Actor, id: string, input: ObservationInput, via: ReportedVia = 'api'): Promise<{ observation: Observation; created: boolean }> {
    requireVerb(actor, 'patrol.report');
    const patrol = await this.patrol(actor, id, via);
    requireWritableHere(patrol, this.node.nation, actor.nation);
    if (input.clientId !== undefined) {
      const held = await this.node.repos.observations.byClientId(patrol.id, input.clientId, actor.nation);
      if (held) return { observation: held, created: false };
    }
    if (patrol.status !== 'underway' && patrol.status !== 'completed') throw new DiboliError('ERR_PATROL_NOT_UNDERWAY');
    const at = Date.parse(input.at);
    if (Number.isNaN(at)) throw new DiboliError('ERR_VALIDATION', { detail: 'at' }, 'at');
    if (at > this.node.clock.now().getTime() + MINUTE_MS) throw new DiboliError('ERR_OCCURRED_IN_FUTURE', {}, 'at');
    const eventType = input.eventType ?? null;
    if (eventType !== null && !isEventType(eventType)) throw new DiboliError('ERR_UNKNOWN_EVENT_TYPE', { value: eventType }, 'eventType');
    const text = (input.text ?? '').trim();
    if (text === '' && eventType === null) throw new DiboliError('ERR_VALIDATION', { detail: 'text' }, 'text');
    const location = input.location ?? null;
    if (location && !this.node.inArea(location)) throw new DiboliError('ERR_OUTSIDE_AREA', {}, 'location');
    const observation: Observation = {
      id: this.node.ids.newId(),
      owner: patrol.owner,
      releasableTo: patrol.releasableTo,
      patrolId: patrol.id,
      at: new Date(at).toISOString(),
      location,
      section: location ? this.node.sectionAt(location) : null,
      text,
      createdAt: this.node.clock.now().toISOString(),
      createdBy: actor.userId,
      clientId: input.clientId ?? null,
      eventType,
      counts: { people: input.counts?.people ?? null, fatalities: input.counts?.fatalities ?? null, injured: input.counts?.injured ?? null },
      reportedVia: via,
      photos: [],
    };
    return this.node.repos.observations.insertOnce(observation);
  }

  async observations(actor: Actor, id: string): Promise<Observation[]> {
    const patrol = await this.patrol(actor, id, 'api');
    return this.node.repos.observations.ofPatrol(patrol.id, actor.nation);
  }

  /**
   * A photo of an observation, by those who may write the observation. The file kept is the
   * cleaned one (see exchange/photo.ts); its GPS position becomes the observation's location when
   * it had none. The same photo again answers `created: false` and stores nothing more.
   */
  async addPhoto(actor: Actor, patrolId: string, observationId: string, original: Buffer): Promise<{ photo: PhotoRef; created: boolean }> {
    requireVerb(actor, 'patrol.report');
    const patrol = await this.patrol(actor, patrolId, 'api');
    requireWritableHere(patrol, this.node.nation, actor.nation);
    const observation = await this.node.repos.observations.findVisible(observationId, actor.nation);
    if (!observation || observation.patrolId !== patrol.id) throw new DiboliError('ERR_NOT_FOUND', { kind: 'observation', id: observationId });
    const clean = await cleanPhoto(original);
    const photo: PhotoRef = { sha256: clean.sha256, contentType: clean.contentType, bytes: clean.bytes.length };
    const now = this.node.clock.now().toISOString();
    const created = await this.node.repos.photos.attach(observation.id, { ...photo, data: clean.bytes }, now);
    // A camera's position outside the mechanism's area is left out, as a typed one would be refused.
    if (clean.location && observation.location === null && this.node.inArea(clean.location)) {
      await this.node.repos.observations.locate(observation.id, clean.location, this.node.sectionAt(clean.location), now);
    }
    return { photo, created };
  }

  /** A photo's bytes, for whoever may see an observation that holds it; unknown otherwise. */
  async photo(actor: Actor, sha256: string): Promise<PhotoRef & { data: Buffer }> {
    const photo = await this.node.repos.photos.visible(sha256, actor.nation);
    if (!photo) throw new DiboliError('ERR_NOT_FOUND', { kind: 'photo', id: sha256 });
    return photo;
  }

  /** The patrol as the actor may see it; from the field, only its leader and reporters report for it. */
  private async patrol(actor: Actor, id: string, via: ReportedVia): Promise<Patrol> {
    const patrol = await this.node.repos.patrols.findVisible(id, actor.nation);
    if (!patrol) throw new DiboliError('ERR_NOT_FOUND', { kind: 'patrol', id });
    if (via !== 'api' && !mayReportFromField(patrol, actor.userId)) throw new DiboliError('ERR_NOT_PATROL_REPORTER', { code: patrol.code });
    return patrol;
  }
}
