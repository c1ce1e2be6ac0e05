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
