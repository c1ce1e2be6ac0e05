/**
 * Incident taxonomy: ACLED's event types and sub-event types (exact spellings, so that exports
 * line up with ACLED data), plus the border categories a joint mechanism watches for.
 */
export const EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
  /** Not ACLED: what border agencies record that ACLED has no type for. */
  'Border activity': ['Smuggling', 'Illegal crossing', 'Illegal gold mining', 'Cattle rustling', 'Displacement'],
} as const satisfies Record<string, readonly string[]>;

export type EventType = keyof typeof EVENT_TYPES;
export type SubEventType = (typeof EVENT_TYPES)[EventType][number];

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_TYPES, value);
}

export function isSubEventTypeOf(eventType: EventType, subEventType: string): boolean {
  return (EVENT_TYPES[eventType] as readonly string[]).includes(subEventType);
}
