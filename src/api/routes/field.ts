import { Type } from '@sinclair/typebox';
import { actorOf } from '../authentication.js';
import { ErrorSchema, PatrolItemSchema } from '../schemas.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';
import { patrolView } from './patrol-view.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/** What the field channels read of the node: the caller's patrols of the day. */
export async function fieldRoutes(app: TypedApp, { patrols, organisation }: Services): Promise<void> {
  const view = patrolView(organisation);

  app.get(
    '/api/v1/field/patrols',
    {
      schema: {
        tags: ['field'],
        summary: 'The caller’s patrols of the day: those they lead or report for, planned for today or under way',
        response: { 200: Type.Array(PatrolItemSchema), ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const list = await patrols.ledBy(actor.userId);
      return Promise.all(list.map((p) => view(p, actor.nation)));
    },
  );

  app.get(
    '/api/v1/field/reporters',
    {
      schema: {
        tags: ['field'],
        summary: 'Users of this node a planner may name as a patrol’s leader or reporters (those whose role reports for patrols)',
        response: { 200: Type.Array(Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() })), ...errors },
      },
    },
    async (request) => patrols.possibleReporters(actorOf(request)),
  );
}
