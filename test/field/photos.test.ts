import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { cameraJpeg, fetchPhoto, observationOf, sendPhoto, underwayPatrol } from '../support/field-patrols.js';

// Issue 17: photos of observations are kept content-addressed in the node's data folder, their type
// checked by their bytes, their metadata stripped (EXIF GPS becomes the observation's location, not
// part of the file), and each is visible exactly as its parent observation.

let demo: DemoNode;
const underway = (releasableTo: string[]) => underwayPatrol(demo, releasableTo);
const observation = (patrolId: string) => observationOf(demo, patrolId);
const send = (patrolId: string, observationId: string, bytes: Buffer | string, contentType?: string) =>
  sendPhoto(demo, patrolId, observationId, bytes, contentType);

const stored = async () => ({
  rows: (await demo.store.db.selectFrom('photos').select('sha256').execute()).length,
  links: (await demo.store.db.selectFrom('observationPhotos').select('sha256').execute()).length,
  files: existsSync(join(demo.dir, 'photos')) ? readdirSync(join(demo.dir, 'photos'), { recursive: true }).filter((f) => String(f).length > 3).length : 0,
});

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2027-03-01T12:00:00.000Z') });
});
afterAll(async () => demo.close());

describe('photos of observations', () => {
  it('turns EXIF GPS into the location, keeps a file without metadata, and stores the same photo once', async () => {
    const patrolId = await underway([]);
    const observationId = await observation(patrolId);
    const original = await cameraJpeg();
    expect(await exifr.gps(original)).toMatchObject({ latitude: 14.4551, longitude: -12.1995 });

    const first = await send(patrolId, observationId, original);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ contentType: 'image/jpeg' });
    const { sha256 } = first.body as { sha256: string };
    expect(existsSync(join(demo.dir, 'photos', sha256.slice(0, 2), sha256))).toBe(true);

    const [seen] = (await demo.call('GET', `/api/v1/patrols/${patrolId}/observations`, { as: 'coord.ml' })).body;
    expect(seen.location).toEqual({ lat: 14.4551, lon: -12.1995 });
    expect(seen.section).not.toBeNull();
    expect(seen.photos).toEqual([first.body]);

    const served = await fetchPhoto(demo, sha256, 'coord.ml');
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(createHash('sha256').update(served.rawPayload).digest('hex')).toBe(sha256);
    expect(served.rawPayload.length).toBe(first.body.bytes);
    expect(await exifr.parse(served.rawPayload, true)).toBeUndefined();
    expect(served.rawPayload.includes('Adj Diarra')).toBe(false);
    expect(served.rawPayload.includes('Exif')).toBe(false);
    expect((await sharp(served.rawPayload).metadata()).width).toBe(96);

    const before = await stored();
    const again = await send(patrolId, observationId, original);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await stored()).toEqual(before);
  });

  it('refuses what is not a photo by its bytes, whatever the request calls it, and stores nothing', async () => {
    const patrolId = await underway([]);
    const observationId = await observation(patrolId);
    const before = await stored();
    const text = await send(patrolId, observationId, 'Ceci est un fichier texte nommé photo.jpg\n'.repeat(20));
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('ERR_PHOTO_TYPE');
    const svg = await send(patrolId, observationId, '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>', 'image/png');
    expect(svg.status).toBe(415);
    const gif = await send(
      patrolId,
      observationId,
      await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } })
        .gif()
        .toBuffer(),
    );
    expect(gif.status).toBe(415);
    expect((await send(patrolId, observationId, await cameraJpeg(), 'text/plain')).status).toBe(415);
    const broken = (await cameraJpeg()).subarray(0, 300);
    const truncated = await send(patrolId, observationId, broken);
    expect(truncated.status).toBe(422);
    expect(truncated.body.code).toBe('ERR_PHOTO_UNREADABLE');
    const tooBig = await send(patrolId, observationId, Buffer.concat([await cameraJpeg(), Buffer.alloc(5 * 1024 * 1024)]));
    expect(tooBig.status).toBe(413);
    expect(await stored()).toEqual(before);
    const [seen] = (await demo.call('GET', `/api/v1/patrols/${patrolId}/observations`, { as: 'coord.ml' })).body;
    expect(seen.photos).toEqual([]);
  });

  it('takes PNG and WebP, and keeps their type', async () => {
    const patrolId = await underway([]);
    const observationId = await observation(patrolId);
    const png = await sharp({ create: { width: 10, height: 10, channels: 4, background: 'blue' } })
      .png()
      .toBuffer();
    const webp = await sharp({ create: { width: 10, height: 10, channels: 3, background: 'green' } })
      .webp()
      .toBuffer();
    expect(await send(patrolId, observationId, png, 'image/png')).toMatchObject({ status: 201, body: { contentType: 'image/png' } });
    // The declared type is not what decides: WebP bytes sent as JPEG are a WebP photo.
    expect(await send(patrolId, observationId, webp, 'image/jpeg')).toMatchObject({ status: 201, body: { contentType: 'image/webp' } });
  });
});
