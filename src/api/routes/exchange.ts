import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DiboliError, type ErrorCode } from '../../domain/errors.js';
import { routeFromGpx } from '../../exchange/gpx.js';
import { KML_TYPE } from '../../exchange/kml.js';
import { GEOJSON_TYPE } from '../../geo/geojson-output.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../services/incident-export.js';
import { requireVerb } from '../../domain/permissions.js';
import { actorOf } from '../authentication.js';
import { preferredLanguage } from '../language.js';
import { featureCollectionOf } from '../schemas.js';
import { IncidentQuerySchema } from '../../contracts/incident.js';
import { ErrorSchema } from '../../contracts/error.js';
import { IncidentPropertiesSchema } from '../../contracts/incident.js';
import { vocabulary, Nullable } from '../../contracts/schema-kit.js';
import { sendBytes } from '../raw-reply.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';
import { listFilters } from './incidents.js';

/** The list's filters; an export may hold every incident that matches. */
const ExportQuerySchema = Type.Object(
  {
    ...IncidentQuerySchema.properties,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'At most this many incidents; all that match when absent' })),
  },
  { additionalProperties: false },
);

const ImportQuerySchema = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ default: false, description: 'true: decide and report every row, write nothing' })),
    releasableTo: Type.Optional(
      Type.String({
        pattern: '^([A-Z]{2}(,[A-Z]{2})*)?$',
        description: 'Comma-separated nations the imported incidents are released to (empty: national); the mechanism’s default when absent',
      }),
    ),
  },
  { additionalProperties: false },
);

const ImportReportSchema = Type.Object({
  dryRun: Type.Boolean(),
  rowsRead: Type.Integer(),
  created: Type.Integer({ description: 'Incidents created (on a dry run: that would be created)' }),
  createdIds: Type.Array(Type.String()),
  duplicates: Type.Array(
    Type.Object({
      line: Type.Integer(),
      key: Type.String(),
      rule: vocabulary(['same-key', 'same-event'] as const),
      incidentId: Nullable(Type.String()),
      duplicateOfLine: Nullable(Type.Integer()),
    }),
  ),
  refused: Type.Array(
    Type.Object({ line: Type.Integer(), key: Nullable(Type.String()), code: Type.String(), field: Nullable(Type.String()), reason: Type.String() }),
  ),
});

const MEDIA: Record<ExportFormat, { type: string; produces: string }> = {
  csv: { type: 'text/csv; charset=utf-8; header=present', produces: 'text/csv' },
  kml: { type: KML_TYPE, produces: 'application/vnd.google-earth.kml+xml' },
  geojson: { type: GEOJSON_TYPE, produces: 'application/geo+json' },
};

const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 413: ErrorSchema, 415: ErrorSchema, 422: ErrorSchema };

/**
 * A scope that reads bodies of one media type only, as text; everything else is refused with 415
 * in the catalogue's words. The node's other routes keep taking JSON alone.
 */
export function acceptOnly(scope: FastifyInstance, types: string[], refusal: ErrorCode): void {
  scope.removeAllContentTypeParsers();
  for (const type of types) scope.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  scope.addContentTypeParser('*', (_request, _payload, done) => done(new DiboliError(refusal), undefined));
}

/** Exports of the incident list (CSV in ACLED's layout, KML, GeoJSON) and imports of ACLED's CSV and GPX routes. */
export async function exchangeRoutes(app: TypedApp, { incidentExport, acledImport, clock }: Services): Promise<void> {
  for (const format of EXPORT_FORMATS) {
    app.get(
      `/api/v1/exports/incidents.${format}`,
      {
        schema: {
          tags: ['exchange'],
          summary: `The incident list as ${format === 'csv' ? 'CSV in ACLED’s column layout (then diboli_* columns)' : format === 'kml' ? 'KML 2.2 placemarks with ExtendedData' : 'a GeoJSON FeatureCollection'}, with the list’s filters and the caller’s visibility; streamed, any length`,
          querystring: ExportQuerySchema,
          produces: [MEDIA[format].produces],
          response: {
            200: format === 'geojson' ? featureCollectionOf(IncidentPropertiesSchema) : Type.String({ description: `${MEDIA[format].produces} document` }),
            400: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const query = request.query;
        const stream = incidentExport.stream(actor, { ...listFilters(query), limit: query.limit }, format);
        const day = clock.now().toISOString().slice(0, 10);
        reply.header('content-disposition', `attachment; filename="incidents-${actor.nation}-${day}.${format}"`);
        return sendBytes(reply.type(MEDIA[format].type), stream);
      },
    );
  }

  await app.register(async (csvScope: TypedApp) => {
    acceptOnly(csvScope, ['text/csv'], 'ERR_CSV_ONLY');
    csvScope.post(
      '/api/v1/imports/acled',
      {
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          tags: ['exchange'],
          summary:
            'Import ACLED’s CSV as incidents of this node’s nation: deduplicated, whole or not at all, with a report per row (dry run: the report alone)',
          description:
            'Body `text/csv` in ACLED’s column layout. Owner: this node’s nation; releasability: `releasableTo`, else the mechanism’s default. A row is a duplicate when its `event_id_cnty` was imported before, is one of the nation’s incident ids or came earlier in the file (same-key), or when the nation already recorded an incident of the same event type on the same day within 5 km that did not come from ACLED (same-event). Refused rows are listed with their line and reason and written nowhere; the accepted rows are written in one transaction. Coordinators and analysts of the node’s nation.',
          querystring: ImportQuerySchema,
          consumes: ['text/csv'],
          response: { 200: ImportReportSchema, ...errors },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string') throw new DiboliError('ERR_CSV_ONLY');
        const query = request.query;
        const releasableTo = query.releasableTo === undefined ? undefined : query.releasableTo.split(',').filter(Boolean);
        return acledImport.byOfficer(actorOf(request), request.body, {
          dryRun: query.dryRun ?? false,
          releasableTo,
          lang: preferredLanguage(request.headers['accept-language']),
        });
      },
    );
  });

  await app.register(async (gpxScope: TypedApp) => {
    acceptOnly(gpxScope, ['application/gpx+xml', 'application/xml', 'text/xml'], 'ERR_GPX_ONLY');
    gpxScope.post(
      '/api/v1/imports/gpx',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags: ['exchange'],
          summary: 'Read a planned route from a GPX file (its first route, else its first track), for a patrol being planned; writes nothing',
          consumes: ['application/gpx+xml'],
          response: {
            200: Type.Object({
              type: Type.Literal('Feature'),
              geometry: Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(Type.Array(Type.Number())) }),
              properties: Type.Object({ name: Nullable(Type.String()) }),
            }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        requireVerb(actorOf(request), 'patrol.create');
        if (typeof request.body !== 'string') throw new DiboliError('ERR_GPX_ONLY');
        const { name, route } = routeFromGpx(request.body);
        reply.type(GEOJSON_TYPE);
        return { type: 'Feature' as const, geometry: route, properties: { name } };
      },
    );
  });
}
