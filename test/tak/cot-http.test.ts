import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
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
  it('answers a keep-alive the library writes, and reads a chat, storing nothing', async () => {
    expect(await post(libraryEvent('t-x-c-t'))).toEqual({ status: 200, body: { kind: 'ping', stored: 0 } });
    expect(await post(libraryEvent('b-t-f', { remarks: { _text: 'POS 14.45 -12.2' } }))).toEqual({ status: 200, body: { kind: 'chat', stored: 0 } });
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
