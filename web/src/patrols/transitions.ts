import type { Patrol, PatrolAction, User } from '../api/types';
import { patrolActions } from '../session/permissions';

/**
 * Actions worth offering to this user on this patrol: the node's own rule decides
 * (src/domain/patrol-actions.ts). The node still has the last word (an approval another officer
 * gave meanwhile); this keeps refused buttons away.
 */
export function offeredActions(patrol: Patrol, user: User): PatrolAction[] {
  return patrolActions(user, patrol);
}
