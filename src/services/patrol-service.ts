import type { LineString } from 'geojson';
import { DiboliError } from '../domain/errors.js';
import { isVisibleTo, positionsAudience, releasabilityOf, requireWritableHere } from '../domain/sovereignty.js';
import type { NationCode } from '../kernel/nation.js';
import { checkPatrolComposition, checkPatrolWindow } from '../domain/patrol.js';
import type { Patrol, PatrolInput, PatrolPatch } from '../contracts/patrol.js';
import { checkPatrolAction, checkPatrolEdit } from '../domain/patrol-actions.js';
import { applyPatrolAction, type PatrolAction } from '../domain/patrol-lifecycle.js';
import { mayDo, requireVerb } from '../domain/permissions.js';
import type { Actor, User } from '../domain/user.js';
import type { PatrolApprovalRecord } from '../contracts/patrol-approval.js';
import { writtenRecord } from '../federation/release.js';
import type { StoredPosition } from '../store/patrol-repository.js';
import type { NodeContext } from './node-context.js';
import { DAY_MS } from '../kernel/durations.js';
import { normalisePatrolCode, patrolCode, patrolCodeNumber } from '../domain/patrol-code.js';

export type { PatrolInput, PatrolPatch } from '../contracts/patrol.js';

export class PatrolService {
  constructor(private readonly node: NodeContext) {}

  async create(actor: Actor, input: PatrolInput): Promise<Patrol> {
    requireVerb(actor, 'patrol.create');
    const planned = await this.planned(actor, input);
    const now = this.node.clock.now().toISOString();
    const patrol: Patrol = {
      ...planned,
      id: this.node.ids.newId(),
      owner: this.node.nation,
      version: 1,
      status: 'draft',
      approvals: [],
      startedAt: null,
      completedAt: null,
      debrief: null,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      code: '',
    };
    const stored = await storeNewPatrol(this.node, patrol);
    this.node.events.emit('patrol', { after: stored });
    return stored;
  }

  /** The patrol a code typed by a person names (`ml12`, `ML 12`), as the actor may see it. */
  async byCode(actor: Actor, code: string): Promise<Patrol> {
    const normalised = normalisePatrolCode(code);
    const patrol = normalised === null ? undefined : await this.node.repos.patrols.findVisibleByCode(normalised, actor.nation);
    if (!patrol) throw new DiboliError('ERR_NOT_FOUND', { kind: 'patrol', id: code });
    return patrol;
  }

  /**
   * The patrols of this node that the user leads or reports for on the day of `at` (UTC, the
   * mechanism's nations keep GMT): planned, approved, under way or just completed. A patrol
   * under way is the user's until it ends, whatever its planned window said.
   */
  async ledBy(userId: string, at: Date = this.node.clock.now()): Promise<Patrol[]> {
    const user = await this.node.repos.users.findById(userId);
    if (!user) return [];
    const day = at.toISOString().slice(0, 10);
    const from = `${day}T00:00:00.000Z`;
    const to = new Date(Date.parse(from) + DAY_MS).toISOString();
    const { patrols } = this.node.repos;
    const ofDay = await patrols.reportedBy(userId, this.node.nation, user.nation, ['proposed', 'approved', 'underway', 'completed'], from, to);
    const running = await patrols.reportedBy(userId, this.node.nation, user.nation, ['underway'], '', '9999');
    const byId = new Map([...ofDay, ...running].map((p) => [p.id, p]));
    return [...byId.values()].sort((a, b) => a.plannedStart.localeCompare(b.plannedStart));
  }

  /** What a planner states of a patrol, checked: its units, participants, route, window and releasability. */
  private async planned(actor: Actor, input: PatrolInput) {
    checkPatrolWindow(input.plannedStart, input.plannedEnd);
    const units = await this.node.repos.organisation.unitsByIds(actor.nation, input.unitIds);
    for (const unitId of input.unitIds) {
      if (!units.some((u) => u.id === unitId)) throw new DiboliError('ERR_UNKNOWN_UNIT', { value: unitId }, 'unitIds');
    }
    const nations = this.participants(
      input,
      units.map((u) => u.nation),
    );
    checkPatrolComposition(
      input.kind,
      nations,
      units.map((u) => u.nation),
    );
    const route = input.route ?? (input.axisId ? await this.axisRoute(input.axisId) : null);
    // Every participant must see the patrol it is asked to approve, whatever the sharing default says.
    const requested = input.releasableTo ?? this.node.mechanism.sharingPolicy.patrol;
    return {
      name: input.name.trim(),
      kind: input.kind,
      nations,
      unitIds: [...new Set(input.unitIds)],
      axisId: input.axisId ?? null,
      route,
      plannedStart: new Date(input.plannedStart).toISOString(),
      plannedEnd: new Date(input.plannedEnd).toISOString(),
      releasableTo: releasabilityOf(this.node.mechanism, this.node.nation, 'patrol', [...new Set([...requested, ...nations])]),
      leaderUserId: input.leaderUserId ?? null,
      reporterUserIds: await this.reporters(input),
    };
  }

  /**
   * The leader and reporters are users of this node's nation whose role reports for patrols: they
   * report from the field to this node, which alone writes the patrol's records. Answers the
   * reporters, each once.
   */
  private async reporters(input: PatrolInput): Promise<string[]> {
    const reporters = [...new Set(input.reporterUserIds ?? [])];
    const named = input.leaderUserId ? [{ id: input.leaderUserId, field: 'leaderUserId' }] : [];
    for (const id of reporters) named.push({ id, field: 'reporterUserIds' });
    for (const { id, field } of named) {
      const user = await this.node.repos.users.findById(id);
      if (!user || !this.mayReport(user)) throw new DiboliError('ERR_UNKNOWN_USER', { value: id }, field);
    }
    return reporters;
  }

  /** The users a planner may name as a patrol's leader or reporters. */
  async possibleReporters(actor: Actor): Promise<Pick<User, 'id' | 'username' | 'displayName'>[]> {
    requireVerb(actor, 'patrol.create');
    const users = await this.node.repos.users.list();
    return users.filter((u) => this.mayReport(u)).map(({ id, username, displayName }) => ({ id, username, displayName }));
  }

  private mayReport(user: User): boolean {
    return user.nation === this.node.nation && mayDo({ userId: user.id, username: user.username, nation: user.nation, role: user.role }, 'patrol.report');
  }

  async get(actor: Actor, id: string): Promise<Patrol> {
    const patrol = await this.node.repos.patrols.findVisible(id, actor.nation);
    if (!patrol) throw new DiboliError('ERR_NOT_FOUND', { kind: 'patrol', id });
    return patrol;
  }

  list(actor: Actor, status?: string): Promise<Patrol[]> {
    return this.node.repos.patrols.listVisible(actor.nation, status);
  }

  /**
   * Moves a patrol through its lifecycle. Participants act on a joint patrol (a partner
   * coordinator approves for their nation); cancelling belongs to the owner nation alone.
   */
  async act(actor: Actor, id: string, action: PatrolAction): Promise<Patrol> {
    const patrol = await this.get(actor, id);
    // A patrol received from a partner node is a read-only copy: it moves on its owner's node only.
    checkPatrolAction(actor, patrol, action, this.node.nation, this.node.clock.now().toISOString());
    if (patrol.owner !== this.node.nation) return this.approveReceived(actor, patrol);
    const next = applyPatrolAction(patrol, action, actor, this.node.clock.now().toISOString());
    const updated: Patrol = { ...patrol, ...next, version: patrol.version + 1, updatedAt: this.node.clock.now().toISOString() };
    // A partner's seconded coordinator approves for its nation; the audit names the credential it used.
    await storePatrolVersion(this.node, updated, actor.secondment?.id);
    this.node.events.emit('patrol', { before: patrol, after: updated });
    return updated;
  }

  /**
   * Changes a draft: its name, units, route, window or releasability, as when it was planned. The
   * composition and window rules are those of a new patrol; narrowing the releasability retracts
   * the draft from the partners that lose it.
   */
  async update(actor: Actor, id: string, patch: PatrolPatch): Promise<Patrol> {
    const patrol = await this.get(actor, id);
    checkPatrolEdit(actor, patrol, this.node.nation);
    const input: PatrolInput = {
      name: patch.name ?? patrol.name,
      kind: patch.kind ?? patrol.kind,
      nations: patch.nations ?? [...patrol.nations],
      unitIds: patch.unitIds ?? patrol.unitIds,
      axisId: patch.axisId !== undefined ? patch.axisId : patrol.axisId,
      route: patch.route !== undefined ? patch.route : patch.axisId !== undefined ? null : patrol.route,
      plannedStart: patch.plannedStart ?? patrol.plannedStart,
      plannedEnd: patch.plannedEnd ?? patrol.plannedEnd,
      releasableTo: patch.releasableTo ?? patrol.releasableTo,
      leaderUserId: patch.leaderUserId !== undefined ? patch.leaderUserId : patrol.leaderUserId,
      reporterUserIds: patch.reporterUserIds ?? patrol.reporterUserIds,
    };
    const planned = await this.planned(actor, input);
    const updated: Patrol = { ...patrol, ...planned, version: patrol.version + 1, updatedAt: this.node.clock.now().toISOString() };
    await storePatrolVersion(this.node, updated);
    this.node.events.emit('patrol', { before: patrol, after: updated });
    return updated;
  }

  /**
   * This nation approves a partner's patrol from its own node. Only the owner's node changes the
   * patrol, so this writes an approval record of our own, released to the owner alone; the owner
   * applies it on receipt and releases the approved version back. The answer is the received copy
   * unchanged: our nation stays in `pendingApprovals` until that new version arrives.
   */
  private async approveReceived(actor: Actor, patrol: Patrol): Promise<Patrol> {
    const given = await this.node.repos.patrolApprovals.ofPatrol(patrol.id, actor.nation);
    const alreadySent = given.some((a) => a.owner === actor.nation && a.nation === actor.nation);
    if (alreadySent) throw new DiboliError('ERR_ALREADY_APPROVED', { nation: actor.nation });
    const now = this.node.clock.now().toISOString();
    await storeApproval(this.node, {
      id: this.node.ids.newId(),
      owner: actor.nation,
      releasableTo: [patrol.owner],
      version: 1,
      createdAt: now,
      updatedAt: now,
      patrolId: patrol.id,
      patrolVersion: patrol.version,
      nation: actor.nation,
      userId: actor.userId,
      at: now,
    });
    return patrol;
  }

  /**
   * The report after the patrol: written once it is completed, by its owner nation. The same text
   * again (a field device resending it) changes nothing and answers the patrol as it stands.
   */
  async debrief(actor: Actor, id: string, text: string): Promise<Patrol> {
    const patrol = await this.get(actor, id);
    requireWritableHere(patrol, this.node.nation, actor.nation);
    requireVerb(actor, 'patrol.complete');
    if (patrol.status !== 'completed') throw new DiboliError('ERR_PATROL_TRANSITION', { from: patrol.status, to: 'completed' });
    if (patrol.debrief === text.trim()) return patrol;
    const updated: Patrol = { ...patrol, debrief: text.trim(), version: patrol.version + 1, updatedAt: this.node.clock.now().toISOString() };
    await storePatrolVersion(this.node, updated);
    this.node.events.emit('patrol', { before: patrol, after: updated });
    return updated;
  }

  /**
   * The patrol's positions, for a nation the position policy releases them to; any other nation
   * that may see the patrol reads an empty track, as its live stream carries none of them.
   */
  async track(actor: Actor, id: string): Promise<StoredPosition[]> {
    const patrol = await this.get(actor, id);
    if (!isVisibleTo(positionsAudience(patrol, this.node.mechanism), actor.nation)) return [];
    return this.node.repos.patrols.track(patrol.id);
  }

  /**
   * A draft's planned route replaced (from a GPX file): by those who plan patrols, on the owner's
   * node, by the owner nation, before it is proposed to anyone.
   */
  async replaceRoute(actor: Actor, id: string, route: LineString): Promise<Patrol> {
    const patrol = await this.get(actor, id);
    requireWritableHere(patrol, this.node.nation, actor.nation);
    requireVerb(actor, 'patrol.create');
    if (patrol.status !== 'draft') throw new DiboliError('ERR_PATROL_NOT_DRAFT', { status: patrol.status });
    const updated: Patrol = { ...patrol, route, version: patrol.version + 1, updatedAt: this.node.clock.now().toISOString() };
    await storePatrolVersion(this.node, updated);
    this.node.events.emit('patrol', { before: patrol, after: updated });
    return updated;
  }

  private participants(input: PatrolInput, unitNations: NationCode[]): NationCode[] {
    const nations = input.nations?.length ? input.nations : input.kind === 'joint' ? unitNations : [this.node.nation];
    const unique = [...new Set(nations)].sort();
    for (const nation of unique) {
      if (!this.node.mechanism.nations.includes(nation)) throw new DiboliError('ERR_RELEASE_OUTSIDE_MECHANISM', { value: nation }, 'nations');
    }
    if (!unique.includes(this.node.nation)) throw new DiboliError('ERR_NOT_A_PARTICIPANT', { nation: this.node.nation }, 'nations');
    if (input.kind === 'national' && unique.length !== 1)
      throw new DiboliError('ERR_VALIDATION', { detail: 'nations: a national patrol has one nation' }, 'nations');
    return unique;
  }

  private async axisRoute(axisId: string): Promise<LineString> {
    const axis = (await this.node.repos.geography.axes()).find((a) => a.id === axisId);
    if (!axis) throw new DiboliError('ERR_UNKNOWN_AXIS', { value: axisId }, 'axisId');
    return axis.geometry;
  }
}

type Writer = Pick<NodeContext, 'store' | 'repos' | 'release'>;

/**
 * Stores a new patrol and takes the release step in the same transaction. A patrol without a code
 * gets one drawn from its id (see domain/patrol-code.ts), the next draw while the node holds it;
 * answers the patrol as stored.
 */
export async function storeNewPatrol(node: Writer, patrol: Patrol): Promise<Patrol> {
  return node.store.db.transaction().execute(async (trx) => {
    let code = patrol.code;
    for (let attempt = 0; !code; attempt++) {
      const candidate = patrolCode(patrol.owner, patrolCodeNumber(patrol.id, attempt));
      if (!(await node.repos.patrols.codeTaken(trx, candidate))) code = candidate;
    }
    const stored = { ...patrol, code };
    await node.repos.patrols.insertIn(trx, stored);
    await node.release.record(trx, { record: writtenRecord('patrol', stored), previous: undefined });
    return stored;
  });
}

/** Stores the next version of a patrol and releases it (or retracts it from nations that lost it), in one transaction. */
export async function storePatrolVersion(node: Writer, patrol: Patrol, secondment?: string): Promise<void> {
  await node.store.db.transaction().execute(async (trx) => {
    const previous = await node.repos.patrols.updateIn(trx, patrol);
    await node.release.record(trx, { record: writtenRecord('patrol', patrol), previous, secondment });
  });
}

/** Stores this nation's approval of a partner's patrol and releases it to the patrol's owner, in one transaction. */
export async function storeApproval(node: Writer, approval: PatrolApprovalRecord): Promise<void> {
  await node.store.db.transaction().execute(async (trx) => {
    await node.repos.patrolApprovals.insertIn(trx, approval);
    await node.release.record(trx, { record: writtenRecord('patrol-approval', approval), previous: undefined });
  });
}
