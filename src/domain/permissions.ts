import { DiboliError } from './errors.js';
import type { Actor, Role } from './user.js';

/** What each role may do; reading is decided by releasability, not by role. */
export const VERBS = {
  'incident.create': ['coordinator', 'patrol_lead', 'analyst'],
  'incident.edit': ['coordinator', 'patrol_lead', 'analyst'],
  'incident.release': ['coordinator', 'analyst'],
  'patrol.create': ['coordinator', 'liaison', 'patrol_lead'],
  'patrol.propose': ['coordinator', 'liaison'],
  'patrol.approve': ['coordinator'],
  'patrol.start': ['coordinator', 'patrol_lead'],
  'patrol.complete': ['coordinator', 'patrol_lead'],
  'patrol.cancel': ['coordinator'],
  'patrol.report': ['coordinator', 'patrol_lead'],
  'user.manage': ['admin'],
  'news.ingest': ['coordinator', 'analyst', 'admin'],
  'news.review': ['coordinator', 'analyst'],
  'early-warning.override': ['coordinator'],
  'early-warning.configure': ['coordinator', 'admin'],
  'early-warning.recompute': ['coordinator', 'admin', 'analyst'],
  'alert.acknowledge': ['coordinator', 'liaison', 'patrol_lead', 'analyst'],
  'alert.rules': ['coordinator', 'analyst'],
  'webhook.manage': ['coordinator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Verb = keyof typeof VERBS;

export function mayDo(actor: Actor, verb: Verb): boolean {
  return (VERBS[verb] as readonly Role[]).includes(actor.role);
}

export function requireVerb(actor: Actor, verb: Verb): void {
  if (!mayDo(actor, verb)) throw new DiboliError('ERR_FORBIDDEN_ROLE', { role: actor.role });
}
