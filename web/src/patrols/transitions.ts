import type { Patrol, PatrolAction, User } from '../api/types';

/**
 * Actions worth offering to this user on this patrol, following the node's rules: a patrol moves
 * on its owner's node only, except an approval, which a partner's coordinator may also give from
 * their own node (it is sent to the owner); the owner nation's coordinator alone cancels; each
 * participating nation's coordinator approves once; the other moves belong to participants.
 * The node still has the last word (it refuses with 403/409); this keeps useless buttons away.
 */
export function offeredActions(patrol: Patrol, user: User): PatrolAction[] {
  const coordinator = user.role === 'coordinator';
  const participant = patrol.nations.includes(user.nation);
  if (patrol.owner !== user.nodeNation) {
    const approvesFromHome = coordinator && participant && user.nation === user.nodeNation;
    return approvesFromHome && patrol.status === 'proposed' && patrol.pendingApprovals.includes(user.nation) ? ['approve'] : [];
  }
  const plans = participant && (coordinator || user.role === 'liaison');
  const leads = participant && (coordinator || user.role === 'patrol_lead');
  const cancels = coordinator && user.nation === patrol.owner;
  const offered: PatrolAction[] = [];
  switch (patrol.status) {
    case 'draft':
      if (plans) offered.push('propose');
      break;
    case 'proposed':
      if (coordinator && participant && patrol.pendingApprovals.includes(user.nation)) offered.push('approve');
      break;
    case 'approved':
      if (leads) offered.push('start');
      break;
    case 'underway':
      if (leads) offered.push('complete');
      break;
    default:
      return [];
  }
  if (cancels) offered.push('cancel');
  return offered;
}
