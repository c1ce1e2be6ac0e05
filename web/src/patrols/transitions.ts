import type { Patrol, PatrolAction, User } from '../api/types';

/**
 * Actions worth offering to this user on this patrol. The node has the last word (409 when a
 * transition is refused); this only keeps buttons that cannot work out of sight.
 */
export function offeredActions(patrol: Patrol, user: User): PatrolAction[] {
  const coordinates = user.role === 'coordinator' || user.role === 'admin';
  const plans = coordinates || user.role === 'liaison';
  const leads = coordinates || user.role === 'patrol_lead';
  switch (patrol.status) {
    case 'draft':
      return plans ? ['propose', 'cancel'] : [];
    case 'proposed': {
      const mayApprove = user.role === 'coordinator' && patrol.pendingApprovals.includes(user.nation);
      return [...(mayApprove ? (['approve'] as const) : []), ...(coordinates ? (['cancel'] as const) : [])];
    }
    case 'approved':
      return [...(leads ? (['start'] as const) : []), ...(coordinates ? (['cancel'] as const) : [])];
    case 'underway':
      return leads ? ['complete'] : [];
    default:
      return [];
  }
}
