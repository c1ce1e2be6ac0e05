import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 17: photos of observations are kept content-addressed in the node's data folder, their type
// checked by their bytes, their metadata stripped (EXIF GPS becomes the observation's location, not
// part of the file), and each is visible exactly as its parent observation.

let demo: DemoNode;
let patrols = 0;

/** A patrol of Mali led by lead.ml, under way, released to `releasableTo`. */
async function underway(releasableTo: string[]): Promise<string> {
  const lead = (await demo.node.repos.users.findByUsername('lead.ml'))!.id;
  const created = await demo.call('POST', '/api/v1/patrols', {
    as: 'coord.ml',
    body: {
      name: `Patrouille photo ${++patrols}`,
      kind: 'national',
      unitIds: ['ml-gtia-diboli'],
      plannedStart: '2027-03-01T08:00:00Z',
      plannedEnd: '2027-03-01T18:00:00Z',
      releasableTo,
      leaderUserId: lead,
    },
  });
  const id = created.body.id as string;
  for (const action of ['propose', 'approve']) expect((await demo.call('POST', `/api/v1/patrols/${id}/${action}`, { as: 'coord.ml' })).status).toBe(200);
  expect((await demo.call('POST', `/api/v1/patrols/${id}/start`, { as: 'lead.ml' })).status).toBe(200);
  return id;
}

async function observation(patrolId: string): Promise<string> {
  const made = await demo.call('POST', `/api/v1/patrols/${patrolId}/observations`, {
    as: 'lead.ml',
    body: { at: '2027-03-01T10:00:00.000Z', eventType: 'Strategic developments', text: 'Pirogue sur la Falémé' },
  });
  expect(made.status).toBe(201);
  return made.body.id as string;
}

async function send(patrolId: string, observationId: string, bytes: Buffer | string, contentType = 'image/jpeg', as = 'lead.ml') {
  const response = await demo.app.inject({
    method: 'POST',
    url: `/api/v1/patrols/${patrolId}/observations/${observationId}/photos`,
    headers: { authorization: `Bearer ${await demo.token(as)}`, 'content-type': contentType },
    payload: bytes,
  });
  return { status: response.statusCode, body: response.json() };
}

async function fetchPhoto(sha256: string, as: string) {
  return demo.app.inject({ method: 'GET', url: `/api/v1/photos/${sha256}`, headers: { authorization: `Bearer ${await demo.token(as)}` } });
}

/** A small camera JPEG whose EXIF names the device, its owner and where it was (near Diboli). */
const cameraJpeg = () =>
  sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Terrain', Model: 'Phone X', Artist: 'Adj Diarra' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '14/1 27/1 1836/100', GPSLongitudeRef: 'W', GPSLongitude: '12/1 11/1 5820/100' },
    })
    .toBuffer();

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

    const served = await fetchPhoto(sha256, 'coord.ml');
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

  it('shows a photo exactly to those who may see its observation', async () => {
    const national = await underway([]);
    const nationalPhoto = await send(national, await observation(national), await cameraJpeg());
    const shared = await underway(['SN']);
    const sharedPng = await sharp({ create: { width: 12, height: 12, channels: 3, background: 'white' } })
      .png()
      .toBuffer();
    const sharedPhoto = await send(shared, await observation(shared), sharedPng, 'image/png');

    expect((await fetchPhoto(nationalPhoto.body.sha256, 'coord.ml')).statusCode).toBe(200);
    expect((await fetchPhoto(nationalPhoto.body.sha256, 'observer.ml')).statusCode).toBe(200);
    for (const partner of ['coord.sn', 'liaison.sn']) {
      const refused = await fetchPhoto(nationalPhoto.body.sha256, partner);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('ERR_NOT_FOUND');
      expect((await fetchPhoto(sharedPhoto.body.sha256, partner)).statusCode).toBe(200);
    }
    // Unknown and refused look alike.
    const unknown = await fetchPhoto('0'.repeat(64), 'coord.sn');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'ERR_NOT_FOUND']);
    // A partner's officer cannot attach a photo to Mali's observation either.
    const sharedObservation = (await demo.call('GET', `/api/v1/patrols/${shared}/observations`, { as: 'coord.sn' })).body[0].id;
    expect((await send(shared, sharedObservation, sharedPng, 'image/png', 'coord.sn')).status).toBe(403);
  });
});
