import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { cameraJpeg, fetchPhoto, observationOf, plainPng, sendPhoto, underwayPatrol } from '../support/field-patrols.js';

// Issue 17: a photo is as secret as the observation it belongs to. A Senegalese officer reads the
// photo of an observation released to Senegal, and gets the same 404 for the photo of a Malian
// national observation as for a photo that does not exist; nor may they attach one to Mali's record.

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2027-03-01T12:00:00.000Z') });
});
afterAll(async () => demo.close());

describe('photos follow their observation', () => {
  it('are read exactly by those who may see the observation', async () => {
    const national = await underwayPatrol(demo, []);
    const nationalPhoto = await sendPhoto(demo, national, await observationOf(demo, national), await cameraJpeg());
    expect(nationalPhoto.status).toBe(201);
    const shared = await underwayPatrol(demo, ['SN']);
    const sharedObservation = await observationOf(demo, shared);
    const sharedPhoto = await sendPhoto(demo, shared, sharedObservation, await plainPng(), 'image/png');
    expect(sharedPhoto.status).toBe(201);

    for (const malian of ['coord.ml', 'observer.ml']) expect((await fetchPhoto(demo, nationalPhoto.body.sha256, malian)).statusCode).toBe(200);
    const unknown = await fetchPhoto(demo, '0'.repeat(64), 'coord.sn');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'ERR_NOT_FOUND']);
    for (const partner of ['coord.sn', 'liaison.sn']) {
      const refused = await fetchPhoto(demo, nationalPhoto.body.sha256, partner);
      expect([refused.statusCode, refused.json().code]).toEqual([404, 'ERR_NOT_FOUND']);
      const allowed = await fetchPhoto(demo, sharedPhoto.body.sha256, partner);
      expect([allowed.statusCode, allowed.headers['content-type']]).toEqual([200, 'image/png']);
    }
    // Released or not, Mali's observation is written by Mali's people only.
    expect((await sendPhoto(demo, shared, sharedObservation, await plainPng(13), 'image/png', 'coord.sn')).status).toBe(403);
  });

  it('follow the observation when the same photo belongs to a national and a shared one', async () => {
    // The file is kept once; a partner reads it through the observation released to it, and only so.
    const national = await underwayPatrol(demo, []);
    const png = await plainPng(21);
    const first = await sendPhoto(demo, national, await observationOf(demo, national), png, 'image/png');
    expect((await fetchPhoto(demo, first.body.sha256, 'coord.sn')).statusCode).toBe(404);
    const shared = await underwayPatrol(demo, ['SN']);
    const second = await sendPhoto(demo, shared, await observationOf(demo, shared), png, 'image/png');
    expect(second.body.sha256).toBe(first.body.sha256);
    expect((await fetchPhoto(demo, first.body.sha256, 'coord.sn')).statusCode).toBe(200);
  });
});
