import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { axisPatrolFromNow } from '../support/field-patrols.js';
import { CoT } from './tak-library.js';

// POST /api/v1/cot: one event from an authenticated TAK user. Events the TAK community's library
// writes are read; hostile or malformed ones are refused with the reason and store nothing.

let demo: DemoNode;

beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

async function post(text: string, { as = 'lead.ml', type = 'application/xml' } = {}) {
  const headers: Record<string, string> = { 'content-type': type };
  if (as) headers.authorization = `Bearer ${await demo.token(as)}`;
  const response = await demo.app.inject({ method: 'POST', url: '/api/v1/cot', headers, payload: text });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

function libraryEvent(type: string, detail: Record<string, unknown> = {}): string {
  return new CoT({
    event: {
      _attributes: { version: '2.0', uid: `ANDROID-${type}`, type, how: 'm-g', time: isoIn(0), start: isoIn(0), stale: isoIn(300_000) },
      point: { _attributes: { lat: 14.45, lon: -12.2, hae: 50, ce: 5, le: 9999999 } },
      detail,
    },
  }).to_xml();
}

describe('POST /api/v1/cot', () => {
  it('answers a keep-alive the library writes, and a chat that is no field message with the right form, storing nothing', async () => {
    expect(await post(libraryEvent('t-x-c-t'))).toEqual({ status: 200, body: { kind: 'ping', stored: 0, reply: null } });
    const chat = await post(libraryEvent('b-t-f', { remarks: { _text: 'POS 14.45 -12.2' } }));
    expect(chat).toMatchObject({ status: 200, body: { kind: 'chat', stored: 0 } });
    expect(String(chat.body.reply)).toContain('POS ');
  });

  it('refuses hostile and malformed events with the reason, in the caller’s language', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE event [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${libraryEvent('a-f-G-U-C').replace('</event>', '<detail><remarks>&b;</remarks></detail></event>')}`;
    const refused = await post(bomb);
    expect(refused).toMatchObject({ status: 422, body: { code: 'ERR_COT_REFUSED' } });
    expect(String(refused.body.message)).toMatch(/^Événement CoT refusé : document type/);
    expect((await post(libraryEvent('u-d-f'))).body).toMatchObject({ code: 'ERR_COT_REFUSED', message: expect.stringContaining('unknown type u-d-f') });
    expect((await post(libraryEvent('a-f-G-U-C').replace(/time="[^"]+"/, 'time="hier"'))).body.code).toBe('ERR_COT_REFUSED');
    expect(await post('<event')).toMatchObject({ status: 422, body: { code: 'ERR_COT_REFUSED' } });
    expect((await post(`<event>${'a'.repeat(10 * 1024 * 1024)}</event>`)).status).toBe(413);
    expect((await post(libraryEvent('t-x-c-t'), { type: 'application/json' })).body.code).toBe('ERR_COT_ONLY');
    expect((await post(libraryEvent('t-x-c-t'), { as: '' })).status).toBe(401);
  });
});

describe('a TAK user’s PLI and markers', () => {
  let patrolId: string;
  let patrolCode: string;

  beforeAll(async () => {
    ({ id: patrolId, code: patrolCode } = await axisPatrolFromNow(demo, { actions: ['propose', 'approve'] }));
  });

  it('are refused while the user leads no patrol under way, and from a user who leads none', async () => {
    expect(await post(libraryEvent('a-f-G-U-C'))).toMatchObject({ status: 409, body: { code: 'ERR_TAK_NO_PATROL' } });
    await demo.call('POST', `/api/v1/patrols/${patrolId}/start`, { as: 'lead.ml' });
    expect(await post(libraryEvent('a-f-G-U-C'), { as: 'coord.ml' })).toMatchObject({ status: 409, body: { code: 'ERR_TAK_NO_PATROL' } });
    const track = await demo.call('GET', `/api/v1/patrols/${patrolId}/track`, { as: 'coord.ml' });
    expect(track.body.properties.positions).toBe(0);
  });

  it('a PLI the library writes becomes a position of the patrol the user leads, stored once', async () => {
    const pli = libraryEvent('a-f-G-U-C', { contact: { _attributes: { callsign: 'FALCON' } } });
    expect(await post(pli)).toEqual({ status: 200, body: { kind: 'pli', stored: 1, reply: null } });
    expect(await post(pli)).toEqual({ status: 200, body: { kind: 'pli', stored: 0, reply: null } });
    const track = await demo.call('GET', `/api/v1/patrols/${patrolId}/track`, { as: 'coord.ml' });
    expect(track.body.properties.positions).toBe(1);
    expect(track.body.geometry.coordinates).toEqual([-12.2, 14.45]);
  });

  it('a marker the library writes becomes an observation, its event type read from its CoT type, sent by TAK', async () => {
    const marker = libraryEvent('a-h-G-U-C', {
      link: { _attributes: { uid: 'ANDROID-a-f-G-U-C', type: 'a-f-G-U-C', relation: 'p-p' } },
      contact: { _attributes: { callsign: 'Accrochage' } },
      remarks: { _text: 'Tirs entendus au nord du gué' },
    });
    expect(await post(marker)).toEqual({ status: 200, body: { kind: 'marker', stored: 1, reply: null } });
    expect(await post(marker)).toEqual({ status: 200, body: { kind: 'marker', stored: 0, reply: null } });
    const observations = (await demo.call('GET', `/api/v1/patrols/${patrolId}/observations`, { as: 'coord.ml' })).body;
    expect(observations).toHaveLength(1);
    expect(observations[0]).toMatchObject({
      eventType: 'Battles',
      reportedVia: 'tak',
      owner: 'ML',
      text: 'Accrochage — Tirs entendus au nord du gué',
      location: { lat: 14.45, lon: -12.2 },
    });
  });

  it('a chat to the node in the field message language is written as the leader’s SMS would be, and answered', async () => {
    const before = (await demo.call('GET', `/api/v1/patrols/${patrolId}/track`, { as: 'coord.ml' })).body.properties.positions;
    const chat = await post(libraryEvent('b-t-f', { remarks: { _text: `POS ${patrolCode} 14.4551 -12.1995` } }));
    expect(chat).toMatchObject({ status: 200, body: { kind: 'chat', stored: 1 } });
    expect(String(chat.body.reply)).toMatch(new RegExp(`^Position ${patrolCode} enregistrée`));
    const track = await demo.call('GET', `/api/v1/patrols/${patrolId}/track`, { as: 'coord.ml' });
    expect(track.body.properties.positions).toBe(before + 1);
  });
});
