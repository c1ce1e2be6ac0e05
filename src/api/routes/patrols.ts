import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Patrol } from '../../domain/patrol.js';
import { pendingApprovals, PATROL_ACTIONS, PATROL_STATUSES, type PatrolAction } from '../../domain/patrol-lifecycle.js';
import type { Unit } from '../../domain/organisation.js';
import { actorOf } from '../authentication.js';
import { DebriefSchema, ErrorSchema, GeometrySchema, IdParams, literals, ObservationInputSchema, ObservationSchema, PatrolInputSchema, PatrolPatchSchema, PatrolSchema, PositionsBodySchema } from '../schemas.js';
import type { Services } from '../services.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema };

export async function patrolRoutes(app: FastifyInstance, { patrols, node }: Services): Promise<void> {
  /** The patrol as the API shows it: its units spelled out and the nations still to approve. */
  async function view(patrol: Patrol, viewer: string) {
    const units = await node.repos.organisation.unitsVisibleTo(viewer);
    const byId = new Map(units.map((u) => [u.id, u]));
    return {
      ...patrol,
      units: patrol.unitIds.map((id) => byId.get(id)).filter((u): u is Unit => u !== undefined).map(({ id, nation, name, callSign, parentId }) => ({ id, nation, name, callSign, parentId })),
      pendingApprovals: pendingApprovals(patrol),
    };
  }

  app.get(
    '/api/v1/patrols',
    {
      schema: {
        tags: ['patrols'],
        summary: 'Patrols visible to the caller',
        querystring: Type.Object({ status: Type.Optional(literals(PATROL_STATUSES)) }, { additionalProperties: false }),
        response: { 200: Type.Array(PatrolSchema), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const list = await patrols.list(actor, (request.query as { status?: string }).status);
      return Promise.all(list.map((p) => view(p, actor.nation)));
    },
  );

  app.post(
    '/api/v1/patrols',
    { schema: { tags: ['patrols'], summary: 'Plan a patrol (draft)', body: PatrolInputSchema, response: { 201: PatrolSchema, ...errors } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await patrols.create(actor, request.body as Static<typeof PatrolInputSchema>);
      return reply.status(201).send(await view(created, actor.nation));
    },
  );

  app.get(
    '/api/v1/patrols/:id',
    { schema: { tags: ['patrols'], summary: 'One patrol', params: IdParams, response: { 200: PatrolSchema, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      return view(await patrols.get(actor, (request.params as Static<typeof IdParams>).id), actor.nation);
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
        response: { 200: PatrolSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const updated = await patrols.update(actor, (request.params as Static<typeof IdParams>).id, request.body as Static<typeof PatrolPatchSchema>);
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
          response: { 200: PatrolSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const updated = await patrols.act(actor, (request.params as Static<typeof IdParams>).id, action as PatrolAction);
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
        params: IdParams,
        body: PositionsBodySchema,
        response: { 200: Type.Object({ accepted: Type.Integer() }), ...errors },
      },
    },
    async (request) => {
      const { positions } = request.body as Static<typeof PositionsBodySchema>;
      return { accepted: await patrols.reportPositions(actorOf(request), (request.params as Static<typeof IdParams>).id, positions) };
    },
  );

  app.post(
    '/api/v1/patrols/:id/observations',
    {
      schema: {
        tags: ['patrols'],
        summary: 'Note an observation of a patrol under way or just completed',
        params: IdParams,
        body: ObservationInputSchema,
        response: { 201: ObservationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const observation = await patrols.observe(actorOf(request), (request.params as Static<typeof IdParams>).id, request.body as Static<typeof ObservationInputSchema>);
      return reply.status(201).send(observation);
    },
  );

  app.get(
    '/api/v1/patrols/:id/observations',
    { schema: { tags: ['patrols'], summary: 'Observations of a patrol', params: IdParams, response: { 200: Type.Array(ObservationSchema), ...errors } } },
    async (request) => patrols.observations(actorOf(request), (request.params as Static<typeof IdParams>).id),
  );

  app.put(
    '/api/v1/patrols/:id/debrief',
    { schema: { tags: ['patrols'], summary: 'Write the debrief of a completed patrol', params: IdParams, body: DebriefSchema, response: { 200: PatrolSchema, ...errors } } },
    async (request) => {
      const actor = actorOf(request);
      const updated = await patrols.debrief(actor, (request.params as Static<typeof IdParams>).id, (request.body as Static<typeof DebriefSchema>).text);
      return view(updated, actor.nation);
    },
  );

  app.get(
    '/api/v1/patrols/:id/track',
    {
      schema: {
        tags: ['patrols'],
        summary: 'The patrol’s track from its position reports',
        params: IdParams,
        response: { 200: Type.Object({ type: Type.Literal('Feature'), geometry: GeometrySchema, properties: Type.Object({ patrolId: Type.String(), positions: Type.Integer(), times: Type.Array(Type.String()) }) }), ...errors },
      },
    },
    async (request) => {
      const id = (request.params as Static<typeof IdParams>).id;
      const track = await patrols.track(actorOf(request), id);
      return {
        type: 'Feature' as const,
        geometry: { type: 'LineString', coordinates: track.map((p) => [p.lon, p.lat]) },
        properties: { patrolId: id, positions: track.length, times: track.map((p) => p.at) },
      };
    },
  );
}
