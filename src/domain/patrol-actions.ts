import { DiboliError } from './errors.js';
import type { NationCode } from '../kernel/nation.js';
import { applyPatrolAction, PATROL_ACTIONS, type PatrolAction, type PatrolLifecycle } from './patrol-lifecycle.js';
import { mayDo, requireVerb, type Verb } from './permissions.js';
import { requireWritableHere, type Releasable } from './sovereignty.js';
import type { Actor } from './user.js';

/** The permission each move of a patrol's lifecycle needs. */
export const PATROL_ACTION_VERB: Readonly<Record<PatrolAction, Verb>> = {
  propose: 'patrol.propose',
  approve: 'patrol.approve',
  start: 'patrol.start',
  complete: 'patrol.complete',
  cancel: 'patrol.cancel',
};

type ActedOn = PatrolLifecycle & Releasable;

/**
 * Whether `actor` may move `patrol` by `action` on the node of `nodeNation` at `now`; throws the
 * node's refusal otherwise. A patrol moves on its owner's node only, except an approval, which a
 * partner's coordinator also gives from their own node (it is sent to the owner); cancelling
 * belongs to the owner nation; the other moves belong to the participating nations. The node
 * decides with this, and the web UI offers the buttons it allows.
 */
export function checkPatrolAction(actor: Actor, patrol: ActedOn, action: PatrolAction, nodeNation: NationCode, now: string): void {
  requireVerb(actor, PATROL_ACTION_VERB[action]);
  if (patrol.owner !== nodeNation) {
    // A received copy is read-only; a user of this node approves it for this node's nation only.
    if (action !== 'approve' || actor.nation !== nodeNation) throw new DiboliError('ERR_NOT_OWNER', { owner: patrol.owner });
  } else if (action === 'cancel') {
    requireWritableHere(patrol, nodeNation, actor.nation);
  } else if (!patrol.nations.includes(actor.nation)) {
    throw new DiboliError('ERR_NOT_A_PARTICIPANT', { nation: actor.nation });
  }
  applyPatrolAction(patrol, action, actor, now);
}

/** The moves `actor` may make on `patrol` now, in lifecycle order. */
export function patrolActionsFor(actor: Actor, patrol: ActedOn, nodeNation: NationCode, now: string): PatrolAction[] {
  return PATROL_ACTIONS.filter((action) => {
    try {
      checkPatrolAction(actor, patrol, action, nodeNation, now);
      return true;
    } catch (error) {
      if (error instanceof DiboliError) return false;
      throw error;
    }
  });
}

/** A draft is changed by its owner nation's planners; once proposed, the partners approve what they saw. */
export function checkPatrolEdit(actor: Actor, patrol: ActedOn, nodeNation: NationCode): void {
  requireWritableHere(patrol, nodeNation, actor.nation);
  requireVerb(actor, 'patrol.edit');
  if (patrol.status !== 'draft') throw new DiboliError('ERR_PATROL_NOT_DRAFT', { status: patrol.status });
}

export function mayEditPatrol(actor: Actor, patrol: ActedOn, nodeNation: NationCode): boolean {
  return patrol.status === 'draft' && patrol.owner === nodeNation && actor.nation === nodeNation && mayDo(actor, 'patrol.edit');
}
