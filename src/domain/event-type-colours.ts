/**
 * One colour per ACLED event type, distinct enough to tell apart on the web map, in its legend and
 * on the situation report's map.
 */
export const EVENT_TYPE_COLOURS: Readonly<Record<string, string>> = {
  Battles: '#d7301f',
  'Explosions/Remote violence': '#7a0177',
  'Violence against civilians': '#f16913',
  Protests: '#3182bd',
  Riots: '#6a51a3',
  'Strategic developments': '#238b45',
  'Border activity': '#b8860b',
};

export const OTHER_EVENT_COLOUR = '#555555';

export function eventTypeColour(eventType: string): string {
  return EVENT_TYPE_COLOURS[eventType] ?? OTHER_EVENT_COLOUR;
}
