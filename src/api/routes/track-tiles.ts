import { Type } from '@sinclair/typebox';
import { actorOf } from '../authentication.js';
import { ErrorSchema } from '../../contracts/error.js';
import { IsoDateOrDateTime } from '../../contracts/schema-kit.js';
import { sendGzipped, sendNoBody } from '../raw-reply.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';
import { MAX_TILE_ZOOM } from '../../geo/web-tiles.js';
import { MVT_TYPE } from './incident-tiles.js';
import { endOfDay, startOf } from './incidents.js';

const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: MAX_TILE_ZOOM }),
  x: Type.Integer({ minimum: 0 }),
  y: Type.Integer({ minimum: 0 }),
});
const TrackTileQuerySchema = Type.Object(
  {
    from: Type.Optional(IsoDateOrDateTime),
    to: Type.Optional(IsoDateOrDateTime),
    patrol: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'One patrol’s id' })),
  },
  { additionalProperties: false },
);
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema };

export async function trackTileRoutes(app: TypedApp, { trackTiles }: Services): Promise<void> {
  app.get(
    '/api/v1/tiles/tracks/:z/:x/:y.mvt',
    {
      schema: {
        tags: ['patrols'],
        summary:
          'The patrol positions the caller may be shown in one map tile (MVT, layer "tracks"): one line per patrol, property "patrol" its id, thinned for the zoom; up to zoom 12, where lines would exceed 5,000 points, patrol coverage instead (layer "coverage": squares with property "patrolDays", over the whole days of the period); filters: period, one patrol',
        produces: [MVT_TYPE],
        params: TileParams,
        querystring: TrackTileQuerySchema,
        response: {
          200: Type.String({ description: 'Mapbox Vector Tile 2.1' }),
          304: Type.Null({ description: 'The ETag sent is still this tile' }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { from, to, patrol } = request.query;
      const filters = { from: startOf(from), to: endOfDay(to), patrol };
      const tile = await trackTiles.tile(actorOf(request), request.params, filters, request.headers['if-none-match']);
      // Made for the caller's nation: only the caller's browser may keep it, and asks again each time.
      reply.header('ETag', tile.etag).header('Cache-Control', 'private, no-cache');
      if (!tile.body) return sendNoBody(reply.code(304));
      return sendGzipped(request, reply.type(MVT_TYPE), tile.body);
    },
  );
}
