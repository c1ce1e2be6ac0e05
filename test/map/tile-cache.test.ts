import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tileCache } from '../../src/services/tile-cache.js';

/** A maker that counts its calls and finishes only when told, as a slow SQLite read would. */
function slowMaker() {
  const calls: string[] = [];
  const pending: ((body: Buffer) => void)[] = [];
  const failing: ((error: Error) => void)[] = [];
  const make = (request: { tile: string }) =>
    new Promise<Buffer>((resolve, reject) => {
      calls.push(request.tile);
      pending.push(resolve);
      failing.push(reject);
    });
  return { calls, make, finish: (i: number) => pending[i]!(Buffer.from(calls[i]!)), fail: (i: number) => failing[i]!(new Error('disk')) };
}

/** Tiles are kept gzipped. */
const text = (gzipped: Buffer) => String(gunzipSync(gzipped));

describe('the tile cache', () => {
  it('makes a tile once for every map asking it while it is being made', async () => {
    const maker = slowMaker();
    const made = tileCache(maker.make);
    const asked = Array.from({ length: 20 }, () => made('"a"', { tile: '6/30/29' }));
    const other = made('"b"', { tile: '6/31/29' });
    expect(maker.calls).toEqual(['6/30/29', '6/31/29']);
    maker.finish(0);
    maker.finish(1);
    expect(new Set((await Promise.all(asked)).map(text))).toEqual(new Set(['6/30/29']));
    expect(text(await other)).toBe('6/31/29');
    // Kept: asked again later, it is not made again.
    expect(text(await made('"a"', { tile: '6/30/29' }))).toBe('6/30/29');
    expect(maker.calls).toHaveLength(2);
  });

  it('tells every waiting map of a failure, and makes the tile afresh when asked again', async () => {
    const maker = slowMaker();
    const made = tileCache(maker.make);
    const asked = [made('"a"', { tile: '8/120/117' }), made('"a"', { tile: '8/120/117' })];
    maker.fail(0);
    for (const answer of asked) await expect(answer).rejects.toThrow('disk');
    const again = made('"a"', { tile: '8/120/117' });
    expect(maker.calls).toHaveLength(2);
    maker.finish(1);
    expect(text(await again)).toBe('8/120/117');
  });
});
