import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { DiboliError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import { acledRowOf, EXPORT_COLUMNS } from '../exchange/acled.js';
import { KML_TAIL, kmlHead, kmlPlacemark } from '../exchange/kml.js';
import { round6 } from '../geo/geojson-output.js';
import { nationAt } from '../geo/nation-at.js';
import type { ExportedIncident, IncidentQuery, PageCursor } from '../store/incident-repository.js';
import type { NodeContext } from './node-context.js';

export const EXPORT_FORMATS = ['csv', 'kml', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Incidents read per query: the answer flows page by page, its size unbounded, the node's memory not. */
export const EXPORT_PAGE = 2000;

export type ExportQuery = Omit<IncidentQuery, 'limit'> & { limit?: number };

/** The first page is written with what comes before the records, the last with what closes them. */
interface Writer {
  head: string;
  page(incidents: ExportedIncident[], first: boolean): string;
  tail: string;
}

function geoJsonFeature({ location, createdBy: _author, importedFrom: _from, externalId: _key, ...properties }: ExportedIncident): string {
  return JSON.stringify({
    type: 'Feature',
    id: properties.id,
    geometry: { type: 'Point', coordinates: [round6(location.lon), round6(location.lat)] },
    properties,
  });
}

function writerFor(format: ExportFormat, title: string): Writer {
  switch (format) {
    case 'csv':
      return {
        head: stringify([[...EXPORT_COLUMNS]]),
        page: (incidents) =>
          stringify(
            incidents.map((incident) => acledRowOf(incident, { country: nationAt([incident.location.lon, incident.location.lat]) })),
            { columns: [...EXPORT_COLUMNS] },
          ),
        tail: '',
      };
    case 'kml':
      return { head: kmlHead(title), page: (incidents) => incidents.map(kmlPlacemark).join(''), tail: KML_TAIL };
    case 'geojson':
      return {
        head: '{"type":"FeatureCollection","features":[\n',
        page: (incidents, first) => (first ? '' : ',\n') + incidents.map(geoJsonFeature).join(',\n'),
        tail: '\n]}\n',
      };
  }
}

/**
 * Exports of the incident list, with its filters and the caller's visibility (the store's
 * `visibleTo`): ACLED-layout CSV, KML, GeoJSON. Written as a stream of pages, each read by a query
 * of its own, so that a hundred thousand incidents never sit in memory at once nor hold the node's
 * connection while the client reads.
 */
export class IncidentExport {
  constructor(private readonly node: NodeContext) {}

  stream(actor: Actor, query: ExportQuery, format: ExportFormat): Readable {
    if (query.from && query.to && query.from > query.to) throw new DiboliError('ERR_BAD_TIME_RANGE', {}, 'from');
    const { node } = this;
    const writer = writerFor(format, `Incidents — ${actor.nation}`);
    const total = query.limit ?? Number.POSITIVE_INFINITY;
    async function* chunks(): AsyncGenerator<string> {
      yield writer.head;
      let cursor: PageCursor | undefined;
      let sent = 0;
      let first = true;
      do {
        const size = Math.min(EXPORT_PAGE, total - sent);
        const { incidents, next } = await node.repos.incidents.page(actor.nation, { ...query, limit: size }, cursor, size);
        if (incidents.length > 0) yield writer.page(incidents, first);
        first &&= incidents.length === 0;
        sent += incidents.length;
        cursor = next;
      } while (cursor && sent < total);
      yield writer.tail;
    }
    return Readable.from(chunks(), { objectMode: false });
  }
}
