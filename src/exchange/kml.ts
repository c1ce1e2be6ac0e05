import type { Incident } from '../contracts/incident.js';
import { round6 } from '../geo/geojson-output.js';
import { escapeXml } from '../kernel/xml-text.js';

/**
 * Incidents as KML 2.2 (OGC 07-147r2) for Google Earth, QGIS and the like: one Placemark each,
 * its children in the order the schema's sequence requires (name, description, TimeStamp,
 * ExtendedData, Point), every field of the record as ExtendedData.
 */

export const KML_TYPE = 'application/vnd.google-earth.kml+xml; charset=utf-8';

export function kmlHead(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n<name>${escapeXml(title)}</name>\n`;
}

export const KML_TAIL = '</Document>\n</kml>\n';

function data(name: string, value: string | number | null): string {
  return `<Data name="${name}"><value>${escapeXml(value === null ? '' : String(value))}</value></Data>`;
}

export function kmlPlacemark(incident: Incident): string {
  const title = `${incident.eventType} — ${incident.subEventType}${incident.placeName ? ` (${incident.placeName})` : ''}`;
  const fields: [string, string | number | null][] = [
    ['id', incident.id],
    ['owner', incident.owner],
    ['releasableTo', incident.releasableTo.join(' ')],
    ['occurredAt', incident.occurredAt],
    ['datePrecision', incident.datePrecision],
    ['geoPrecision', incident.geoPrecision],
    ['placeName', incident.placeName],
    ['section', incident.section],
    ['eventType', incident.eventType],
    ['subEventType', incident.subEventType],
    ['actors', incident.actors.join('; ')],
    ['fatalities', incident.fatalities],
    ['injured', incident.injured],
    ['abducted', incident.abducted],
    ['status', incident.status],
    ['sourceKind', incident.source.kind],
    ['sourceName', incident.source.name],
    ['sourceReliability', incident.source.reliability],
    ['sourceCredibility', incident.source.credibility],
    ['version', incident.version],
    ['updatedAt', incident.updatedAt],
  ];
  return [
    `<Placemark id="incident-${escapeXml(incident.id.replace(/[^A-Za-z0-9._-]/g, '_'))}">`,
    `<name>${escapeXml(title)}</name>`,
    incident.narrative ? `<description>${escapeXml(incident.narrative)}</description>` : '',
    `<TimeStamp><when>${incident.occurredAt}</when></TimeStamp>`,
    `<ExtendedData>${fields.map(([name, value]) => data(name, value)).join('')}</ExtendedData>`,
    `<Point><coordinates>${round6(incident.location.lon)},${round6(incident.location.lat)}</coordinates></Point>`,
    '</Placemark>\n',
  ].join('');
}
