import { THREAT_LEVEL_COLOUR } from '../../../src/domain/threat-level.js';

/** One colour per ACLED event type, distinct enough to tell apart on the map and in the legend. */
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

/** The node's colours of the levels, the same as in its situation reports. */
export const THREAT_COLOURS = THREAT_LEVEL_COLOUR;

export const BORDER_COLOUR = '#e0007a';
export const AXIS_COLOUR = '#2b2b2b';
export const POST_COLOUR = '#08306b';
export const ROUTE_COLOUR = '#0570b0';
export const TRACK_COLOUR = '#00a6a6';
export const DRAFT_COLOUR = '#ff00ff';
/** Halo of the sections left unpatrolled too long. */
export const GAP_COLOUR = '#6a3d9a';
