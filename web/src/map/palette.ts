import { THREAT_LEVEL_COLOUR } from '../../../src/domain/threat-level.js';

// The event types' colours are the node's too: its situation report draws incidents in them.
export { EVENT_TYPE_COLOURS, OTHER_EVENT_COLOUR, eventTypeColour } from '../../../src/domain/event-type-colours.js';

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
/**
 * Patrol coverage at low zoom (patrol-days per cell): from the fewest to the most, in the tracks'
 * hue, darker where patrols passed more often. Each colour starts at its threshold.
 */
export const COVERAGE_STEPS: readonly { from: number; colour: string }[] = [
  { from: 1, colour: '#d4eeee' },
  { from: 3, colour: '#9fd8d8' },
  { from: 10, colour: '#5fbdbd' },
  { from: 30, colour: '#2b9a9a' },
  { from: 100, colour: '#0b6b6b' },
];
