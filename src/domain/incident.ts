import { DiboliError } from './errors.js';
import { isEventType, isSubEventTypeOf } from './event-types.js';
import type { IncidentFacts } from '../contracts/incident.js';
import type { LatLon } from '../contracts/schema-kit.js';

export interface IncidentRules {
  now: string;
  isInMechanismArea: (location: LatLon) => boolean;
}

/**
 * Checks the facts of an incident against rules that a schema cannot express. Throws the first
 * violation as a coded error naming its field.
 */
export function checkIncidentFacts(facts: IncidentFacts, rules: IncidentRules): void {
  if (!isEventType(facts.eventType)) {
    throw new DiboliError('ERR_UNKNOWN_EVENT_TYPE', { value: facts.eventType }, 'eventType');
  }
  if (!isSubEventTypeOf(facts.eventType, facts.subEventType)) {
    throw new DiboliError('ERR_SUB_EVENT_TYPE_MISMATCH', { value: facts.subEventType, eventType: facts.eventType }, 'subEventType');
  }
  const occurred = Date.parse(facts.occurredAt);
  if (Number.isNaN(occurred)) {
    throw new DiboliError('ERR_VALIDATION', { detail: 'occurredAt' }, 'occurredAt');
  }
  if (occurred > Date.parse(rules.now)) {
    throw new DiboliError('ERR_OCCURRED_IN_FUTURE', {}, 'occurredAt');
  }
  if (!rules.isInMechanismArea(facts.location)) {
    throw new DiboliError('ERR_OUTSIDE_AREA', {}, 'location');
  }
}
