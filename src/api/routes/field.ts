import { Type } from '@sinclair/typebox';
import { actorOf } from '../authentication.js';
import { DiboliError } from '../../domain/errors.js';
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from '../../exchange/photo.js';
import { ErrorSchema } from '../../contracts/error.js';
import { PhotoRefSchema } from '../../contracts/observation.js';
import { PatrolItemSchema } from '../../contracts/patrol.js';
import { sendBytes } from '../raw-reply.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';
import { patrolView } from './patrol-view.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

/** What the field channels read of the node: the caller's patrols of the day. */
export async function fieldRoutes(app: TypedApp, { patrols, fieldReporting, organisation }: Services): Promise<void> {
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

  app.get(
    '/api/v1/photos/:sha256',
    {
      schema: {
        tags: ['field'],
        summary: 'A photo of an observation (metadata stripped), for whoever may see an observation that holds it',
        params: Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
        produces: [...PHOTO_TYPES],
        response: { 200: Type.String({ description: 'JPEG, PNG or WebP bytes' }), ...errors },
      },
    },
    async (request, reply) => {
      const photo = await fieldReporting.photo(actorOf(request), request.params.sha256);
      // Named by its content, a photo never changes: the browser keeps it, for this user only.
      reply.header('cache-control', 'private, max-age=31536000, immutable');
      return sendBytes(reply.type(photo.contentType), photo.data);
    },
  );

  await app.register(async (photoScope: TypedApp) => {
    // The body is the photo's bytes; what they are is decided from them, not from this header.
    photoScope.removeAllContentTypeParsers();
    for (const type of PHOTO_TYPES) photoScope.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    photoScope.addContentTypeParser('*', (_request, _payload, done) => done(new DiboliError('ERR_PHOTO_TYPE'), undefined));
    photoScope.post(
      '/api/v1/patrols/:id/observations/:observationId/photos',
      {
        bodyLimit: PHOTO_MAX_BYTES,
        schema: {
          tags: ['field'],
          summary: 'Attach a photo to an observation: JPEG, PNG or WebP, 5 MB at most, checked by its bytes and stripped of metadata',
          description:
            'EXIF GPS becomes the observation’s location when it has none, and is not kept in the file. The same photo again answers 200 and is stored once.',
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), observationId: Type.String({ minLength: 1, maxLength: 100 }) }),
          consumes: [...PHOTO_TYPES],
          response: { 200: PhotoRefSchema, 201: PhotoRefSchema, ...errors, 409: ErrorSchema, 413: ErrorSchema, 415: ErrorSchema, 422: ErrorSchema },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new DiboliError('ERR_PHOTO_TYPE');
        const { photo, created } = await fieldReporting.addPhoto(actorOf(request), request.params.id, request.params.observationId, request.body);
        return reply.status(created ? 201 : 200).send(photo);
      },
    );
  });
}
