import { patrolActionsFor, mayEditPatrol } from '../../../src/domain/patrol-actions.js';
import { mayDo, type Verb } from '../../../src/domain/permissions.js';
import { isWritableHere } from '../../../src/domain/sovereignty.js';
import type { Actor } from '../../../src/domain/user.js';
import type { Patrol, PatrolAction, User } from '../api/types';

export type { Verb };

/**
 * The signed-in officer as the node's rules see them: on the node of `nodeNation`, with the
 * secondment their own nation signed when they are a partner's officer. The UI offers an action
 * only when the node's own rule (src/domain/permissions.ts) allows it.
 */
export function actorOf(user: User): Actor {
  return {
    userId: user.id,
    username: user.username,
    nation: user.nation,
    role: user.role,
    hostNation: user.nodeNation,
    ...(user.secondment ? { secondment: user.secondment } : {}),
  };
}

export function can(user: User, verb: Verb): boolean {
  return mayDo(actorOf(user), verb);
}

/** Writing a record needs the verb and the single-writer rule: records change on their owner's node, by its nation. */
export function canWrite(user: User, verb: Verb, record: { owner: string }): boolean {
  return can(user, verb) && isWritableHere(record, user.nodeNation, user.nation);
}

/** Actions worth offering on a patrol now: those the node would accept. */
export function patrolActions(user: User, patrol: Patrol, now = new Date()): PatrolAction[] {
  return patrolActionsFor(actorOf(user), patrol, user.nodeNation, now.toISOString());
}

export function canEditPatrol(user: User, patrol: Patrol): boolean {
  return mayEditPatrol(actorOf(user), patrol, user.nodeNation);
}
