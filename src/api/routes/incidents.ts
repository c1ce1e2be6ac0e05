import { type Static, Type } from '@sinclair/typebox';
import { DiboliError } from '../../domain/errors.js';
import { parseInstant } from '../../domain/time.js';
import { isDay } from '../../kernel/instant.js';
import { GEOJSON_TYPE } from '../../geo/geojson-output.js';
import { actorOf } from '../authentication.js';
import { featureCollectionOf, IdParams } from '../schemas.js';
import { IncidentQuerySchema } from '../../contracts/incident.js';
import { ErrorSchema } from '../../contracts/error.js';
import { IncidentInputSchema, IncidentPatchSchema, IncidentPropertiesSchema, IncidentShownSchema, IncidentVersionSchema } from '../../contracts/incident.js';
import { sendBytes } from '../raw-reply.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const PointSchema = Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) });
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema };

export function parseBbox(text: string): [number, number, number, number] {
  const parts = text.split(',').map(Number);
  const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLon >= -180 &&
    maxLon <= 180 &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLon <= maxLon &&
    minLat <= maxLat;
  if (!valid) throw new DiboliError('ERR_BAD_BBOX', {}, 'bbox');
  return [minLon, minLat, maxLon, maxLat];
}

/** A whole day given as `to=2025-02-20` includes that day. */
export function endOfDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return isDay(value) ? `${value}T23:59:59.999Z` : parseInstant(value, 'to');
}

export function startOf(value: string | undefined): string | undefined {
  return value ? parseInstant(value, 'from') : undefined;
}

/**
 * The list's filters as the store reads them: one reading for the list, its exports, the map's
 * tiles and the per-day counts, so that a file or a tile always holds what the list shows.
 */
export function listFilters(query: Partial<Omit<Static<typeof IncidentQuerySchema>, 'limit'>>) {
  return {
    bbox: query.bbox ? parseBbox(query.bbox) : undefined,
    from: startOf(query.from),
    to: endOfDay(query.to),
    eventType: query.eventType,
    section: query.section,
    owner: query.owner,
    status: query.status,
    q: query.q,
  };
}

export async function incidentRoutes(app: TypedApp, { incidents }: Services): Promise<void> {
  app.get(
    '/api/v1/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Incidents visible to the caller, newest first, as GeoJSON',
        produces: ['application/geo+json'],
        querystring: IncidentQuerySchema,
        response: { 200: featureCollectionOf(IncidentPropertiesSchema, PointSchema), ...errors },
      },
    },
    async (request, reply) => {
      const query = request.query;
      // Already JSON: Fastify sends bytes as they are, without the schema's serializer.
      const collection = await incidents.searchAsGeoJson(actorOf(request), { ...listFilters(query), limit: query.limit ?? 5000 });
      return sendBytes(reply.type(GEOJSON_TYPE), collection);
    },
  );

  app.post(
    '/api/v1/incidents',
    { schema: { tags: ['incidents'], summary: 'Record an incident', body: IncidentInputSchema, response: { 201: IncidentShownSchema, ...errors } } },
    async (request, reply) => {
      const created = await incidents.create(actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    { schema: { tags: ['incidents'], summary: 'One incident', params: IdParams, response: { 200: IncidentShownSchema, ...errors } } },
    async (request) => incidents.get(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/incidents/:id/versions',
    {
      schema: {
        tags: ['incidents'],
        summary: 'An incident’s versions, oldest first, with the officer who recorded each; a partner reads only those released to it',
        params: IdParams,
        response: { 200: Type.Array(IncidentVersionSchema), ...errors },
      },
    },
    async (request) => incidents.versions(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Change an incident (owner nation only); narrowing releasableTo takes it away from partners',
        params: IdParams,
        body: IncidentPatchSchema,
        response: { 200: IncidentShownSchema, ...errors },
      },
    },
    async (request) => incidents.update(actorOf(request), request.params.id, request.body),
  );
}
