import { DiboliError } from '../domain/errors.js';
import { checkIncidentFacts } from '../domain/incident.js';
import type { Incident, IncidentFacts, IncidentInput, IncidentPatch, IncidentSource, IncidentVersion } from '../contracts/incident.js';
import { releasabilityOf, requireWritableHere, versionsVisibleTo } from '../domain/sovereignty.js';
import { requireVerb } from '../domain/permissions.js';
import type { Actor } from '../domain/user.js';
import { writtenRecord } from '../federation/release.js';
import type { IncidentQuery } from '../store/incident-repository.js';
import type { NodeContext } from './node-context.js';

export type { IncidentInput, IncidentPatch } from '../contracts/incident.js';

const DEFAULT_SOURCE: IncidentSource = { kind: 'other', name: null, reliability: null, credibility: null };

function factsOf(input: IncidentInput): IncidentFacts {
  const occurredAt = new Date(input.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) throw new DiboliError('ERR_VALIDATION', { detail: 'occurredAt' }, 'occurredAt');
  return {
    occurredAt: occurredAt.toISOString(),
    datePrecision: input.datePrecision ?? 'day',
    location: { lat: input.location.lat, lon: input.location.lon },
    geoPrecision: input.geoPrecision ?? 'exact',
    placeName: input.placeName?.trim() || null,
    eventType: input.eventType,
    subEventType: input.subEventType,
    actors: [...new Set((input.actors ?? []).map((a) => a.trim()).filter(Boolean))],
    fatalities: input.fatalities ?? null,
    injured: input.injured ?? null,
    abducted: input.abducted ?? null,
    narrative: input.narrative?.trim() || null,
    source: { ...DEFAULT_SOURCE, ...input.source },
    status: input.status ?? 'unverified',
  };
}

export class IncidentService {
  constructor(private readonly node: NodeContext) {}

  async create(actor: Actor, input: IncidentInput): Promise<Incident> {
    // Records made on this node belong to this node's nation; a seconded partner officer does not write here.
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
    requireVerb(actor, 'incident.create');
    if (input.releasableTo !== undefined) requireVerb(actor, 'incident.release');
    const facts = this.checked(factsOf(input));
    const now = this.node.clock.now().toISOString();
    const incident: Incident = {
      ...facts,
      id: this.node.ids.newId(),
      owner: this.node.nation,
      releasableTo: releasabilityOf(this.node.mechanism, this.node.nation, 'incident', input.releasableTo),
      version: 1,
      section: this.node.sectionAt(facts.location),
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
    };
    await storeNewIncident(this.node, incident);
    this.node.events.emit('incident', { after: incident });
    return incident;
  }

  async get(actor: Actor, id: string): Promise<Incident> {
    const incident = await this.node.repos.incidents.findVisible(id, actor.nation);
    if (!incident) throw new DiboliError('ERR_NOT_FOUND', { kind: 'incident', id });
    return incident;
  }

  async update(actor: Actor, id: string, patch: IncidentPatch): Promise<Incident> {
    const current = await this.get(actor, id);
    // A partner's record received here is read-only, even for that partner's own officers.
    requireWritableHere(current, this.node.nation, actor.nation);
    requireVerb(actor, 'incident.edit');
    if (patch.releasableTo !== undefined) requireVerb(actor, 'incident.release');
    const merged: IncidentInput = {
      ...current,
      ...definedOnly(patch),
      source: { ...current.source, ...patch.source },
    };
    const facts = this.checked(factsOf(merged));
    const updated: Incident = {
      ...current,
      ...facts,
      releasableTo:
        patch.releasableTo === undefined ? current.releasableTo : releasabilityOf(this.node.mechanism, current.owner, 'incident', patch.releasableTo),
      section: this.node.sectionAt(facts.location),
      version: current.version + 1,
      updatedAt: this.node.clock.now().toISOString(),
    };
    await this.node.store.db.transaction().execute(async (trx) => {
      const previous = await this.node.repos.incidents.updateIn(trx, updated, actor.userId);
      await this.node.release.record(trx, { record: writtenRecord('incident', updated), previous });
    });
    this.node.events.emit('incident', { before: current, after: updated });
    return updated;
  }

  /**
   * The incident's versions the actor may read, oldest first, each with the officer who recorded
   * it. A partner reads only the run of versions released to it up to the newest; a copy received
   * from its owner's node has no history here (it is kept on the owner's node), only its version.
   */
  async versions(actor: Actor, id: string): Promise<IncidentVersion[]> {
    const current = await this.get(actor, id);
    const stored = current.owner === this.node.nation ? await this.node.repos.incidentVersions.ofIncident(id) : [];
    const known = stored.some((v) => v.version === current.version)
      ? stored.filter((v) => v.version <= current.version)
      : [
          ...stored,
          {
            version: current.version,
            owner: current.owner,
            releasableTo: current.releasableTo,
            recordedAt: current.updatedAt,
            recordedBy: null,
            incident: current,
          },
        ];
    return versionsVisibleTo(known, actor.nation).map(({ version, recordedAt, recordedBy, incident }) => {
      const { createdBy: _author, ...shown } = incident;
      return { version, recordedAt, recordedBy, incident: shown };
    });
  }

  /** The incidents the actor may see, as the GeoJSON the API sends (written by the store, see there why). */
  async searchAsGeoJson(actor: Actor, query: IncidentQuery): Promise<Buffer> {
    if (query.from && query.to && query.from > query.to) throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'from');
    return this.node.repos.incidents.searchAsGeoJson(actor.nation, query);
  }

  private checked(facts: IncidentFacts): IncidentFacts {
    checkIncidentFacts(facts, { now: this.node.clock.now().toISOString(), isInMechanismArea: (p) => this.node.inArea(p) });
    return facts;
  }
}

/**
 * Stores a new incident and takes the release step in the same transaction: audited, and queued
 * for the nations it is released to. The demo seeds its story through this too.
 */
export async function storeNewIncident(node: Pick<NodeContext, 'store' | 'repos' | 'release'>, incident: Incident): Promise<void> {
  await node.store.db.transaction().execute(async (trx) => {
    await node.repos.incidents.insertIn(trx, incident);
    await node.release.record(trx, { record: writtenRecord('incident', incident), previous: undefined });
  });
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
