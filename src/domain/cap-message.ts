import type { LonLat } from '../kernel/geojson.js';
import type { FieldError } from './errors.js';

/**
 * OASIS Common Alerting Protocol 1.2: an alert meant for the population, as an XML document that
 * any CAP-aware system (sirens, radio, phones, aggregators) can take in, and the Atom feed that
 * lists such documents. Element order follows the CAP 1.2 schema, which consumers check.
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

export type CapStatus = 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
export type CapMsgType = 'Alert' | 'Update' | 'Cancel' | 'Ack' | 'Error';
export type CapScope = 'Public' | 'Restricted' | 'Private';
export type CapUrgency = 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown';
export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';
export type CapCertainty = 'Observed' | 'Likely' | 'Possible' | 'Unlikely' | 'Unknown';
export type CapResponseType = 'Shelter' | 'Evacuate' | 'Prepare' | 'Execute' | 'Avoid' | 'Monitor' | 'Assess' | 'AllClear' | 'None';

export interface CapArea {
  description: string;
  /** Rings as [lon, lat]; closed here when the last point differs from the first. */
  polygons?: readonly (readonly LonLat[])[];
  circles?: readonly { center: LonLat; radiusKm: number }[];
}

export interface CapInfo {
  /** RFC 3066 language; default `fr-FR`. */
  language?: string;
  event: string;
  responseTypes?: readonly CapResponseType[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  audience?: string;
  effective?: Date;
  onset?: Date;
  expires?: Date;
  senderName?: string;
  headline: string;
  description: string;
  instruction: string;
  web?: string;
  contact?: string;
  areas: readonly CapArea[];
}

export interface CapMessage {
  identifier: string;
  sender: string;
  sent: Date;
  /** Offset of the sender's local time from UTC, in minutes; default 0 (Mali, Senegal, Mauritania). */
  utcOffsetMinutes?: number;
  status: CapStatus;
  msgType: CapMsgType;
  scope: CapScope;
  restriction?: string;
  addresses?: string;
  note?: string;
  /** Earlier messages this one updates or cancels, each as `sender,identifier,sent`. */
  references?: readonly string[];
  info: readonly CapInfo[];
}

export class InvalidCapMessage extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(`Invalid CAP message: ${errors.map((error) => `${error.field} (${error.code})`).join(', ')}`);
    this.name = 'InvalidCapMessage';
    this.errors = errors;
  }
}

export function closeRing(ring: readonly LonLat[]): LonLat[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return [];
  return first[0] === last[0] && first[1] === last[1] ? [...ring] : [...ring, first];
}
