import { Type } from '@sinclair/typebox';
import { PATROL_ACTIONS } from '../../domain/patrol-lifecycle.js';
import { PATROL_STATUSES } from '../../contracts/vocabularies.js';
import { DiboliError } from '../../domain/errors.js';
import { GPX_TYPE, routeFromGpx, routeGpx, trackGpx } from '../../exchange/gpx.js';
import { actorOf } from '../authentication.js';
import { acceptOnly } from './exchange.js';
import { GEOJSON_TYPE, lineOrPoint } from '../../geo/geojson-output.js';
import { patrolView } from './patrol-view.js';
import { DebriefSchema, featureCollectionOf, GeometrySchema, IdParams } from '../schemas.js';
import { ErrorSchema } from '../../contracts/error.js';
import { ObservationInputSchema, ObservationShownSchema, PositionsBodySchema } from '../../contracts/observation.js';
import { vocabulary, Nullable } from '../../contracts/schema-kit.js';
import { PatrolPropertiesSchema, PatrolInputSchema, PatrolPatchSchema, PatrolShownSchema, TrackSchema } from '../../contracts/patrol.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

export async function patrolRoutes(app: TypedApp, { patrols, fieldReporting, organisation, clock }: Services): Promise<void> {
  const view = patrolView(organisation);

  app.get(
    '/api/v1/patrols',
    {
      schema: {
        tags: ['patrols'],
        summary: 'Patrols visible to the caller, as GeoJSON: each one’s planned route is its geometry (null without one)',
        produces: ['application/geo+json'],
        querystring: Type.Object({ status: Type.Optional(vocabulary(PATROL_STATUSES)) }, { additionalProperties: false }),
        response: { 200: featureCollectionOf(PatrolPropertiesSchema, Nullable(GeometrySchema)), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const list = await patrols.list(actor, request.query.status);
      const views = await Promise.all(list.map((p) => view(p, actor.nation)));
      reply.type(GEOJSON_TYPE);
      return {
        type: 'FeatureCollection' as const,
        features: views.map(({ route, ...properties }) => ({ type: 'Feature' as const, id: properties.id, geometry: route, properties })),
      };
    },
  );

  app.post(
    '/api/v1/patrols',
    { schema: { tags: ['patrols'], summary: 'Plan a patrol (draft)', body: PatrolInputSchema, response: { 201: PatrolShownSchema, ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await patrols.create(actor, request.body);
      return reply.status(201).send(await view(created, actor.nation));
    },
  );

  app.get(
    '/api/v1/patrols/:id',
    { schema: { tags: ['patrols'], summary: 'One patrol', params: IdParams, response: { 200: PatrolShownSchema, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      return view(await patrols.get(actor, request.params.id), actor.nation);
    },
  );

  app.patch(
    '/api/v1/patrols/:id',
    {
      schema: {
        tags: ['patrols'],
        summary: 'Change a draft patrol (owner nation’s planners); narrowing releasableTo takes it away from partners',
        params: IdParams,
        body: PatrolPatchSchema,
        response: { 200: PatrolShownSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const updated = await patrols.update(actor, request.params.id, request.body);
      return view(updated, actor.nation);
    },
  );

  for (const action of PATROL_ACTIONS) {
    app.post(
      `/api/v1/patrols/:id/${action}`,
      {
        schema: {
          tags: ['patrols'],
          summary: `Patrol lifecycle: ${action}`,
          description:
            action === 'approve'
              ? 'A coordinator approves for their nation. On a patrol received from a partner, this sends an approval to its owner node and answers the copy unchanged: the nation leaves `pendingApprovals` once the owner applies it and releases the new version.'
              : 'draft → proposed → approved (once every participating nation approved) → underway → completed; cancel from any open state.',
          params: IdParams,
          response: { 200: PatrolShownSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const updated = await patrols.act(actor, request.params.id, action);
        return view(updated, actor.nation);
      },
    );
  }

  app.post(
    '/api/v1/patrols/:id/positions',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ['patrols'],
        summary: 'Position reports of a patrol under way, in one batch (all or none)',
        description:
          'A position whose clientId the patrol already holds is not stored again: `accepted` counts the positions newly stored, `duplicates` the others.',
        params: IdParams,
        body: PositionsBodySchema,
        response: { 200: Type.Object({ accepted: Type.Integer(), duplicates: Type.Integer() }), ...errors },
      },
    },
    async (request) => {
      const { positions, reportedVia } = request.body;
      return fieldReporting.reportPositions(actorOf(request), request.params.id, positions, reportedVia);
    },
  );

  app.post(
    '/api/v1/patrols/:id/observations',
    {
      schema: {
        tags: ['patrols'],
        summary: 'Note an observation of a patrol under way or just completed',
        description: 'The same clientId again answers 200 with the observation first stored (201 when new).',
        params: IdParams,
        body: ObservationInputSchema,
        response: { 200: ObservationShownSchema, 201: ObservationShownSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { reportedVia, ...input } = request.body;
      const { observation, created } = await fieldReporting.observe(actorOf(request), request.params.id, input, reportedVia);
      return reply.status(created ? 201 : 200).send(observation);
    },
  );

  app.get(
    '/api/v1/patrols/:id/observations',
    { schema: { tags: ['patrols'], summary: 'Observations of a patrol', params: IdParams, response: { 200: Type.Array(ObservationShownSchema), ...errors } } },
    async (request) => fieldReporting.observations(actorOf(request), request.params.id),
  );

  app.put(
    '/api/v1/patrols/:id/debrief',
    {
      schema: {
        tags: ['patrols'],
        summary: 'Write the debrief of a completed patrol',
        params: IdParams,
        body: DebriefSchema,
        response: { 200: PatrolShownSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const updated = await patrols.debrief(actor, request.params.id, request.body.text);
      return view(updated, actor.nation);
    },
  );

  app.get(
    '/api/v1/patrols/:id/track',
    {
      schema: {
        tags: ['patrols'],
        summary: 'The patrol’s track from its position reports: a LineString, a Point for one report, null geometry without any',
        produces: ['application/geo+json'],
        params: IdParams,
        response: {
          200: TrackSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      const track = await patrols.track(actorOf(request), id);
      reply.type(GEOJSON_TYPE);
      return {
        type: 'Feature' as const,
        geometry: lineOrPoint(track.map((p) => [p.lon, p.lat])),
        properties: { patrolId: id, positions: track.length, times: track.map((p) => p.at) },
      };
    },
  );

  app.get(
    '/api/v1/patrols/:id/route.gpx',
    {
      schema: {
        tags: ['exchange'],
        summary: 'The patrol’s planned route as GPX 1.1 (<rte>)',
        params: IdParams,
        produces: ['application/gpx+xml'],
        response: { 200: Type.String({ description: 'GPX 1.1' }), ...errors },
      },
    },
    async (request, reply) => {
      const patrol = await patrols.get(actorOf(request), request.params.id);
      if (!patrol.route) throw new DiboliError('ERR_PATROL_NO_ROUTE');
      reply.header('content-disposition', `attachment; filename="${fileNameOf(patrol.id)}-route.gpx"`);
      return reply.type(GPX_TYPE).send(routeGpx(patrol.name, patrol.route, clock.now().toISOString()));
    },
  );

  app.get(
    '/api/v1/patrols/:id/track.gpx',
    {
      schema: {
        tags: ['exchange'],
        summary: 'The patrol’s track as GPX 1.1 (<trk>): its positions as the position-sharing policy gives them to the caller (none otherwise)',
        params: IdParams,
        produces: ['application/gpx+xml'],
        response: { 200: Type.String({ description: 'GPX 1.1' }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = request.params.id;
      const patrol = await patrols.get(actor, id);
      const track = await patrols.track(actor, id);
      reply.header('content-disposition', `attachment; filename="${fileNameOf(patrol.id)}-track.gpx"`);
      return reply.type(GPX_TYPE).send(trackGpx(patrol.name, track, clock.now().toISOString()));
    },
  );

  await app.register(async (gpxScope: TypedApp) => {
    acceptOnly(gpxScope, ['application/gpx+xml', 'application/xml', 'text/xml'], 'ERR_GPX_ONLY');
    gpxScope.put(
      '/api/v1/patrols/:id/route.gpx',
      {
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags: ['exchange'],
          summary: 'Replace a draft patrol’s planned route with the one of a GPX file (its first route, else its first track)',
          params: IdParams,
          consumes: ['application/gpx+xml'],
          response: { 200: PatrolShownSchema, ...errors, 413: ErrorSchema, 415: ErrorSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        if (typeof request.body !== 'string') throw new DiboliError('ERR_GPX_ONLY');
        const { route } = routeFromGpx(request.body);
        return view(await patrols.replaceRoute(actor, request.params.id, route), actor.nation);
      },
    );
  });
}

/** A patrol id as a file name: letters, digits, dot, dash and underscore. */
function fileNameOf(id: string): string {
  return `patrol-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}
