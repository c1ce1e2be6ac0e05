import type { Alert, AlertCancel, AlertMessage } from '../domain/alert.js';
import {
  buildCapAtomFeed,
  buildCapDocument,
  capCancelMessage,
  capMessageFromAlert,
  capPolygonAroundLine,
  type CapArea,
  type PublicAlert,
} from '../domain/cap-document.js';
import { THREAT_LEVEL_NAME } from '../domain/threat-level.js';
import type { NodeContext } from './node-context.js';
import { DAY_MS } from '../kernel/durations.js';

/** Radius of the zone around a point cause, and of the band around a section line, in km. */
const AREA_RADIUS_KM = 10;

const EVENT_FR: Record<Alert['ruleKind'], string> = {
  'incident-near': 'Incident de sécurité',
  'level-rising': 'Hausse du niveau de menace',
  'patrol-overdue': 'Patrouille sans nouvelles',
  'news-severity': 'Événement signalé par la presse',
};

/** Plain advice to the population, by gravity; French, the working language of the region. */
function instructionFor(alert: Alert): string {
  if (alert.severity === 'critical' || alert.severity === 'high') {
    return 'Évitez la zone et les déplacements non indispensables. Suivez les consignes des forces de défense et de sécurité et signalez tout fait suspect au poste le plus proche.';
  }
  return 'Restez vigilants dans la zone et signalez tout fait suspect aux forces de défense et de sécurité.';
}

/** CAP sender: the node's coordination centre, as a token without spaces or commas. */
export function capSender(node: NodeContext): string {
  return `ncc-${node.nation.toLowerCase()}@${node.mechanism.id.toLowerCase()}.diboli`;
}

async function areaOf(node: NodeContext, alert: Alert): Promise<CapArea> {
  const section = alert.section ? (await node.repos.geography.sections()).find((s) => s.id === alert.section) : undefined;
  const description = section ? `Tronçon frontalier ${section.id}` : 'Zone frontalière';
  if (alert.location) {
    return { description, circles: [{ center: [alert.location.lon, alert.location.lat], radiusKm: AREA_RADIUS_KM }] };
  }
  if (section) return { description, polygons: [capPolygonAroundLine(section.geometry, AREA_RADIUS_KM)] };
  // No place known (e.g. an overdue patrol): nothing to tell the population where; the CAP rules
  // refuse an area without a shape, and the route answers that the alert is not public.
  return { description, polygons: [] };
}

export async function publicAlertOf(node: NodeContext, alert: Alert): Promise<PublicAlert> {
  const when = new Date(alert.at);
  const level = THREAT_LEVEL_NAME[alert.severity].fr;
  const description = [
    alert.headline.fr + '.',
    alert.section ? `Tronçon ${alert.section}.` : '',
    Number.isNaN(when.getTime()) ? '' : `Signalé le ${when.toISOString().slice(0, 10)}.`,
    `Gravité estimée : ${level}.`,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    id: alert.id,
    severity: alert.severity,
    event: EVENT_FR[alert.ruleKind],
    headline: alert.headline.fr,
    description,
    instruction: instructionFor(alert),
    raisedAt: new Date(alert.createdAt),
    certainty: alert.ruleKind === 'news-severity' ? 'Possible' : 'Likely',
    urgency: 'Immediate',
    responseTypes: alert.severity === 'critical' || alert.severity === 'high' ? ['Avoid', 'Monitor'] : ['Monitor'],
    expiresAt: new Date(Date.parse(alert.createdAt) + 2 * DAY_MS),
    area: await areaOf(node, alert),
    ...(alert.msgType === 'Update' ? { replaces: (alert.references ?? []).map((r) => ({ identifier: r.identifier, sent: new Date(r.sent) })) } : {}),
  };
}

/** The CAP 1.2 XML of a public alert, its Update, or its Cancel; throws `InvalidCapMessage` when it cannot be a valid one. */
export async function capDocumentOf(node: NodeContext, message: AlertMessage): Promise<string> {
  if (message.msgType === 'Cancel') return buildCapDocument(capCancelMessage(cancelForCap(message), { sender: capSender(node) }));
  const alertMessage = capMessageFromAlert(await publicAlertOf(node, message), {
    sender: capSender(node),
    senderName: `Centre national de coordination (${node.nation}) – ${node.mechanism.name}`,
  });
  return buildCapDocument(alertMessage);
}

function cancelForCap(cancel: AlertCancel) {
  return { id: cancel.id, sent: new Date(cancel.createdAt), references: cancel.references.map((r) => ({ identifier: r.identifier, sent: new Date(r.sent) })) };
}

/** Where a feed and its documents are served: the officers' routes, or the public ones. */
export interface CapFeedPaths {
  feed: string;
  document: (id: string) => string;
  /** Told apart from the officers' feed of the same nation. */
  idSuffix: string;
}

export const OFFICERS_CAP_PATHS: CapFeedPaths = {
  feed: '/api/v1/cap.atom',
  document: (id) => `/api/v1/alerts/${encodeURIComponent(id)}/cap`,
  idSuffix: '',
};

/**
 * A feed entry says what kind of message it links to — an alert, the Update of earlier ones (named,
 * so that the chain reads in the feed), a Cancel — and for a Cancel nothing more.
 */
function entryOf(message: AlertMessage, baseUrl: string, paths: CapFeedPaths) {
  const capHref = `${baseUrl}${paths.document(message.id)}`;
  const named = (references: readonly { identifier: string }[]) => references.map((r) => r.identifier).join(', ');
  if (message.msgType === 'Cancel') {
    return {
      identifier: message.id,
      title: 'Annulation d’une alerte',
      updated: new Date(message.updatedAt),
      capHref,
      summary: `Annule : ${named(message.references)}`,
    };
  }
  const gravity = `Gravité : ${THREAT_LEVEL_NAME[message.severity].fr}`;
  if (message.msgType === 'Update') {
    return {
      identifier: message.id,
      title: `Mise à jour : ${message.headline.fr}`,
      updated: new Date(message.updatedAt),
      capHref,
      summary: `${gravity}. Remplace : ${named(message.references ?? [])}`,
    };
  }
  return { identifier: message.id, title: message.headline.fr, updated: new Date(message.updatedAt), capHref, summary: gravity };
}

export function capFeedOf(node: NodeContext, messages: readonly AlertMessage[], baseUrl: string, paths: CapFeedPaths = OFFICERS_CAP_PATHS): string {
  return buildCapAtomFeed({
    id: `urn:diboli:${node.mechanism.id}:${node.nation}:cap${paths.idSuffix}`,
    title: `Alertes à la population – ${node.mechanism.name} (${node.nation})`,
    updated: messages.length > 0 ? new Date(Math.max(...messages.map((a) => Date.parse(a.createdAt)))) : node.clock.now(),
    selfHref: `${baseUrl}${paths.feed}`,
    author: `Centre national de coordination (${node.nation})`,
    entries: messages.map((m) => entryOf(m, baseUrl, paths)),
  });
}
