import { Type } from '@sinclair/typebox';
import { DiboliError } from '../../domain/errors.js';
import { COT_LIST_TYPE } from '../../services/tak-picture.js';
import { MAX_COT_BYTES } from '../../tak/cot-parse.js';
import { actorOf } from '../authentication.js';
import { ErrorSchema } from '../../contracts/error.js';
import { IsoDateOrDateTime, vocabulary, Nullable } from '../../contracts/schema-kit.js';
import { sendBytes } from '../raw-reply.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';
import { acceptOnly } from './exchange.js';
import { endOfDay, parseBbox, startOf } from './incidents.js';

const PictureQuerySchema = Type.Object(
  {
    bbox: Type.Optional(Type.String({ description: 'minLon,minLat,maxLon,maxLat' })),
    from: Type.Optional(IsoDateOrDateTime),
    to: Type.Optional(IsoDateOrDateTime),
  },
  { additionalProperties: false },
);

const ReceiptSchema = Type.Object({
  kind: vocabulary(['ping', 'pli', 'marker', 'chat'] as const),
  stored: Type.Integer({ description: 'Positions or observations stored' }),
  reply: Nullable(Type.String({ description: 'The answer to a chat message read as a field message (docs/field-messages.md)' })),
});

const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 413: ErrorSchema, 415: ErrorSchema, 422: ErrorSchema };

/** Cursor-on-Target over HTTP: the caller's picture as CoT events, and one event from a TAK user (docs/tak.md). */
export async function takRoutes(app: TypedApp, { takPicture, takInbound }: Services): Promise<void> {
  app.get(
    '/api/v1/cot',
    {
      schema: {
        tags: ['tak'],
        summary:
          'The caller’s picture as Cursor-on-Target events (an <events> list): incidents it may see in the box and period, posts, axes, planned routes of approved and under-way patrols, and their last positions as the position policy gives them',
        querystring: PictureQuerySchema,
        produces: ['application/xml'],
        response: { 200: Type.String({ description: 'application/xml: <events> of CoT <event> elements' }), 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { bbox, from, to } = request.query;
      const stream = takPicture.stream(actorOf(request), { bbox: bbox ? parseBbox(bbox) : undefined, from: startOf(from), to: endOfDay(to) });
      return sendBytes(reply.type(COT_LIST_TYPE), stream);
    },
  );

  await app.register(async (cotScope: TypedApp) => {
    acceptOnly(cotScope, ['application/xml', 'text/xml'], 'ERR_COT_ONLY');
    cotScope.post(
      '/api/v1/cot',
      {
        bodyLimit: MAX_COT_BYTES,
        schema: {
          tags: ['tak'],
          summary:
            'One Cursor-on-Target event from a TAK user: a PLI becomes positions and a marker an observation of the patrol the caller leads; a keep-alive or chat stores nothing',
          description: `Body \`application/xml\`: one CoT <event>, at most ${MAX_COT_BYTES} bytes, no document type declaration. Refused (422, nothing stored) when malformed, of an unknown type, with a time that is not ISO 8601 or a point out of range.`,
          consumes: ['application/xml'],
          response: { 200: ReceiptSchema, ...errors },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string') throw new DiboliError('ERR_COT_ONLY');
        return takInbound.receive(actorOf(request), request.body);
      },
    );
  });
}
