import { DiboliError } from './errors.js';
import type { Actor } from './user.js';
import type { Role } from '../contracts/vocabularies.js';

/**
 * What each role may do. Reading a record is decided by releasability, not by role; the node's own
 * settings (news sources, webhooks) are read by those who manage them.
 */
export const VERBS = {
  'incident.create': ['coordinator', 'patrol_lead', 'analyst'],
  'incident.edit': ['coordinator', 'patrol_lead', 'analyst'],
  'incident.release': ['coordinator', 'analyst'],
  /** Bringing a nation's history in from a data set (ACLED's CSV): many records at once, so not patrol leaders. */
  'incident.import': ['coordinator', 'analyst'],
  'patrol.create': ['coordinator', 'liaison', 'patrol_lead'],
  'patrol.edit': ['coordinator', 'liaison', 'patrol_lead'],
  'patrol.propose': ['coordinator', 'liaison'],
  'patrol.approve': ['coordinator'],
  'patrol.start': ['coordinator', 'patrol_lead'],
  'patrol.complete': ['coordinator', 'patrol_lead'],
  'patrol.cancel': ['coordinator'],
  'patrol.report': ['coordinator', 'patrol_lead'],
  /** Typing in a radio message for the leader who read it over the air (the coordination centre's operator). */
  'field.radio': ['coordinator'],
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

/**
 * All a partner nation's officer may write on a host node, by the role its own nation's credential
 * names: take part in the joint patrols of its nation (a liaison or coordinator proposes one, a
 * coordinator approves it for its nation), acknowledge alerts, and — a coordinator — name the
 * addresses where the alerts this node raises for its own nation are posted (its nation's webhooks,
 * which receive only what that nation may see). It reads what is released to its nation, like any
 * user of that nation. Everything else on the host node — incidents, national patrols, the host's
 * units, alert rules, overrides, early-warning settings, the host's webhooks, news — is the host
 * nation's own.
 */
export const SECONDED_VERBS: Partial<Record<Verb, readonly Role[]>> = {
  'patrol.propose': ['coordinator', 'liaison'],
  'patrol.approve': ['coordinator'],
  'alert.acknowledge': ['coordinator', 'liaison'],
  'webhook.manage': ['coordinator'],
};

/** True for an officer of another nation than the node's: what it writes comes from its secondment alone. */
export function actsOnPartnerNode(actor: Actor): boolean {
  return actor.hostNation !== undefined && actor.hostNation !== actor.nation;
}

/**
 * The one decision of who may do what. A user of the node's nation: by role. A partner nation's
 * officer: only what `SECONDED_VERBS` allows the role of a secondment its own nation's node signed
 * (checked at sign-in); an account of a partner nation made here without one writes nothing.
 */
export function mayDo(actor: Actor, verb: Verb): boolean {
  if (!(VERBS[verb] as readonly Role[]).includes(actor.role)) return false;
  if (!actsOnPartnerNode(actor)) return true;
  const secondment = actor.secondment;
  if (!secondment || secondment.issuer !== actor.nation || secondment.role !== actor.role) return false;
  return (SECONDED_VERBS[verb] ?? []).includes(secondment.role);
}

export function requireVerb(actor: Actor, verb: Verb): void {
  if (mayDo(actor, verb)) return;
  if (!actsOnPartnerNode(actor) || !(VERBS[verb] as readonly Role[]).includes(actor.role)) throw new DiboliError('ERR_FORBIDDEN_ROLE', { role: actor.role });
  if (!actor.secondment) throw new DiboliError('ERR_NO_SECONDMENT', { nation: actor.nation });
  throw new DiboliError('ERR_OUTSIDE_SECONDMENT', { nation: actor.nation });
}
