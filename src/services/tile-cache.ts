import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

const gzipped = promisify(gzip);
/** The level the node's other answers are compressed at (see api/app.ts). */
const GZIP_LEVEL = 4;

/**
 * Tiles smaller than this are gzipped on the spot: a few kilobytes take a tenth of a millisecond,
 * less than the trip to zlib's threads and back (8.4 KB alone: 0.09–0.18 ms on the spot, p50
 * 0.17–0.40 ms through the threads). At 8 KiB, track coverage tiles of zoom 12 just above it (8.2
 * to 8.3 KB) waited 5 to 9 ms for the threads in the node, a twentieth of all tiles of that zoom:
 * over 400 tiles, p95 8.35 ms at 8 KiB, 4.60 ms at 16 KiB. An incident tile of zoom 12 (33 KB) still
 * goes to the threads, off the node's event loop, when a hundred maps ask at once.
 */
const GZIP_ON_THE_SPOT = 16 * 1024;
/**
 * The window those tiles are gzipped with: as large as the largest of them, so it finds every match
 * zlib's default 32 KiB window would. The default's larger buffers, allocated for each tile, made a
 * zoom 14 tile's gzip slower (71 µs against 49–55 µs with an 8 KiB window) and, counted by V8 as
 * memory outside its heap, brought collections into answers: fresh zoom 14 tiles, p99 3.9–6.3 ms
 * against 1.3–1.8 ms.
 */
const SMALL_TILE_WINDOW_BITS = Math.log2(GZIP_ON_THE_SPOT);

/** Bytes of tiles kept in memory by each kind of tile, most recently asked first. */
const CACHE_BYTES = 32 * 1024 * 1024;

/** A tile's ETag from everything its bytes depend on (the caller's nation, filters, data version). */
export function tagOf(parts: unknown[]): string {
  return `"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}"`;
}

/**
 * Tiles kept by ETag, so a copy is only ever served for what its ETag names (the nation it was made
 * for among them). A tile asked for while it is being made waits for that same making: maps opening
 * together on one area make each of its tiles once, not once per map. Tiles are kept gzipped, as
 * tile archives keep them: compressed once, on zlib's threads, not again for every map that asks.
 */
export function tileCache<Request>(make: (request: Request) => Promise<Buffer>): (etag: string, request: Request) => Promise<Buffer> {
  // The context is typed unknown here: lru-cache's types of `fetch` cannot follow a type parameter.
  const cache = new LRUCache<string, Buffer, unknown>({
    maxSize: CACHE_BYTES,
    sizeCalculation: (body) => Math.max(1, body.length),
    fetchMethod: async (_etag, _stale, { context }) => {
      const plain = await make(context as Request);
      return plain.length < GZIP_ON_THE_SPOT
        ? gzipSync(plain, { level: GZIP_LEVEL, windowBits: SMALL_TILE_WINDOW_BITS })
        : gzipped(plain, { level: GZIP_LEVEL });
    },
  });
  return async (etag, request) => {
    const body = await cache.fetch(etag, { context: request });
    if (!body) throw new Error(`tile ${etag} was not made`);
    return body;
  };
}
