import { Type } from '@sinclair/typebox';
import { actorOf } from '../authentication.js';
import { IncidentQuerySchema } from '../../contracts/incident.js';
import { ErrorSchema } from '../../contracts/error.js';
import { sendGzipped, sendNoBody } from '../raw-reply.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';
import { MAX_TILE_ZOOM } from '../../geo/web-tiles.js';
import { listFilters } from './incidents.js';

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: MAX_TILE_ZOOM }),
  x: Type.Integer({ minimum: 0 }),
  y: Type.Integer({ minimum: 0 }),
});
/** The list's filters; the tile is the box. */
const TileQuerySchema = Type.Omit(IncidentQuerySchema, ['bbox', 'limit'], { additionalProperties: false });
/** The list's filters and its box (the map's view), without a limit: every matching incident counts. */
const DailyCountQuerySchema = Type.Omit(IncidentQuerySchema, ['limit'], { additionalProperties: false });
const DailyCountSchema = Type.Object({ day: Type.String({ format: 'date' }), count: Type.Integer({ minimum: 1 }) });
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema };

export async function incidentTileRoutes(app: TypedApp, { incidentTiles }: Services): Promise<void> {
  app.get(
    '/api/v1/tiles/incidents/:z/:x/:y.mvt',
    {
      schema: {
        tags: ['incidents'],
        summary:
          'The incidents the caller may see in one map tile (MVT, layer "incidents"): one by one where they fit, else counted per cell and event type; same filters as the list',
        produces: [MVT_TYPE],
        params: TileParams,
        querystring: TileQuerySchema,
        response: {
          200: Type.String({ description: 'Mapbox Vector Tile 2.1' }),
          304: Type.Null({ description: 'The ETag sent is still this tile' }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const address = request.params;
      const query = request.query;
      const tile = await incidentTiles.tile(actorOf(request), address, listFilters(query), request.headers['if-none-match']);
      // Made for the caller's nation: only the caller's browser may keep it, and asks again each time.
      reply.header('ETag', tile.etag).header('Cache-Control', 'private, no-cache');
      if (!tile.body) return sendNoBody(reply.code(304));
      return sendGzipped(request, reply.type(MVT_TYPE), tile.body);
    },
  );

  app.get(
    '/api/v1/incidents/daily-counts',
    {
      schema: {
        tags: ['incidents'],
        summary: 'How many incidents the caller may see occurred each day (UTC), oldest first, for the list’s filters and box',
        querystring: DailyCountQuerySchema,
        response: { 200: Type.Array(DailyCountSchema), ...errors },
      },
    },
    async (request) => {
      const query = request.query;
      return incidentTiles.dailyCounts(actorOf(request), listFilters(query));
    },
  );
}
