import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** Bytes of tiles kept in memory by each kind of tile, most recently asked first. */
const CACHE_BYTES = 32 * 1024 * 1024;

/** A tile's ETag from everything its bytes depend on (the caller's nation, filters, data version). */
export function tagOf(parts: unknown[]): string {
  return `"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}"`;
}

/**
 * Tiles kept by ETag, so a copy is only ever served for what its ETag names (the nation it was made
 * for among them). A tile asked for while it is being made waits for that same making: maps opening
 * together on one area make each of its tiles once, not once per map.
 */
export function tileCache<Request>(make: (request: Request) => Promise<Buffer>): (etag: string, request: Request) => Promise<Buffer> {
  // The context is typed unknown here: lru-cache's types of `fetch` cannot follow a type parameter.
  const cache = new LRUCache<string, Buffer, unknown>({
    maxSize: CACHE_BYTES,
    sizeCalculation: (body) => Math.max(1, body.length),
    fetchMethod: (_etag, _stale, { context }) => make(context as Request),
  });
  return async (etag, request) => {
    const body = await cache.fetch(etag, { context: request });
    if (!body) throw new Error(`tile ${etag} was not made`);
    return body;
  };
}
