import { ringAroundLine } from '../geo/ring-around-line.js';
import type { LineString, LonLat } from '../kernel/geojson.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import {
  closeRing,
  type CapArea,
  type CapCertainty,
  type CapInfo,
  type CapMessage,
  type CapResponseType,
  type CapSeverity,
  type CapStatus,
  type CapUrgency,
} from './cap-message.js';
import { formatCapDateTime } from './cap-xml.js';

/** The CAP messages of the population's alerts: from an alert, its Update, its Cancel, and its area. */

/** CAP severity for a section level. */
export const CAP_SEVERITY: Readonly<Record<ThreatLevel, CapSeverity>> = {
  low: 'Minor',
  medium: 'Moderate',
  high: 'Severe',
  critical: 'Extreme',
};

/** What an alert record must carry to become a CAP message for the population. */
export interface PublicAlert {
  id: string;
  severity: ThreatLevel;
  /** Type of event in French, e.g. « Affrontement armé ». */
  event: string;
  headline: string;
  description: string;
  instruction: string;
  raisedAt: Date;
  certainty?: CapCertainty;
  urgency?: CapUrgency;
  responseTypes?: readonly CapResponseType[];
  expiresAt?: Date;
  area: CapArea;
  /** For an Update: the earlier messages of the same sender it replaces, oldest first. */
  replaces?: readonly { identifier: string; sent: Date }[];
}

/** A CAP message for the population from an alert (or its Update), in French, sender being the node's address. */
export function capMessageFromAlert(alert: PublicAlert, origin: { sender: string; senderName: string; status?: CapStatus; web?: string }): CapMessage {
  const info: CapInfo = {
    language: 'fr-FR',
    event: alert.event,
    urgency: alert.urgency ?? 'Immediate',
    severity: CAP_SEVERITY[alert.severity],
    certainty: alert.certainty ?? 'Likely',
    senderName: origin.senderName,
    headline: alert.headline,
    description: alert.description,
    instruction: alert.instruction,
    areas: [alert.area],
  };
  if (alert.responseTypes) info.responseTypes = alert.responseTypes;
  if (alert.expiresAt) info.expires = alert.expiresAt;
  if (origin.web) info.web = origin.web;
  const message: CapMessage = {
    identifier: alert.id,
    sender: origin.sender,
    sent: alert.raisedAt,
    status: origin.status ?? 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    info: [info],
  };
  if (alert.replaces && alert.replaces.length > 0) {
    message.msgType = 'Update';
    message.references = alert.replaces.map((r) => capReference(origin.sender, r.identifier, r.sent));
  }
  return message;
}

/** A CAP reference to an earlier message: `sender,identifier,sent`. */
export function capReference(sender: string, identifier: string, sent: Date, utcOffsetMinutes = 0): string {
  return `${sender},${identifier},${formatCapDateTime(sent, utcOffsetMinutes)}`;
}

/**
 * The CAP `Cancel` of earlier messages of the same sender: it names them in `references` and, on
 * purpose, carries no `info` — nothing of what the cancelled messages said, nor why they are cancelled.
 */
export function capCancelMessage(
  cancel: { id: string; sent: Date; references: readonly { identifier: string; sent: Date }[] },
  origin: { sender: string; status?: CapStatus },
): CapMessage {
  return {
    identifier: cancel.id,
    sender: origin.sender,
    sent: cancel.sent,
    status: origin.status ?? 'Actual',
    msgType: 'Cancel',
    scope: 'Public',
    references: cancel.references.map((r) => capReference(origin.sender, r.identifier, r.sent)),
    info: [],
  };
}

/**
 * A CAP polygon around a line (a section, a stretch of axis): the ring of its buffer, simplified so
 * that the document stays small enough for the receivers that cap its size. Closed, ≥ 4 points.
 */
export function capPolygonAroundLine(line: LineString, radiusKm: number): LonLat[] {
  return closeRing(ringAroundLine(line, radiusKm));
}
