import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Finding 9 of issue 13: `"fatalities":"Infinity"` (or "1e999") passed validation, answered 500
// and was saved anyway; from then on the incident answered 500 and scores became Infinity. Bodies
// are JSON: a number must be a JSON number, finite and bounded.

const NOW = '2026-11-29T12:00:00.000Z';
let demo: DemoNode;

const incident = {
  occurredAt: '2026-11-27T06:30:00Z',
  location: { lat: 14.44, lon: -12.18 },
  eventType: 'Border activity',
  subEventType: 'Smuggling',
};

/** The body as raw JSON text, with one value written as is (so that `1e999` stays a JSON number). */
function withRaw(body: object, field: string, rawValue: string): string {
  return JSON.stringify({ ...body, [field]: '__RAW__' }).replace('"__RAW__"', rawValue);
}

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock(NOW) });
});
afterAll(async () => demo.close());

describe('numbers in request bodies are JSON numbers, finite and bounded', () => {
  it('refuses counts given as text, infinite or out of bounds, naming the field and saving nothing', async () => {
    const before = await demo.node.repos.incidents.count();
    for (const raw of ['"Infinity"', '"1e999"', '"12"', '"NaN"', '"-1"', '1e999', '-1e999', '100001', '-1', '2.5', 'true', '"0x10"', '[3]']) {
      const answer = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', raw: withRaw(incident, 'fatalities', raw) });
      expect(answer.status, raw).toBe(400);
      expect(answer.body, raw).toMatchObject({ code: 'ERR_VALIDATION', field: 'fatalities' });
    }
    expect(await demo.node.repos.incidents.count()).toBe(before);
  });

  it('refuses coordinates given as text', async () => {
    for (const location of [
      { lat: '14.44', lon: -12.18 },
      { lat: 14.44, lon: '-12.18' },
    ]) {
      const answer = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: { ...incident, location } });
      expect(answer.status).toBe(400);
      expect(answer.body.field).toMatch(/^location\.(lat|lon)$/);
    }
    const positions = await demo.call('POST', '/api/v1/patrols/demo-patrol-launch/positions', {
      as: 'lead.ml',
      body: { positions: [{ at: NOW, lat: '14.4', lon: -12.2 }] },
    });
    expect(positions.status).toBe(400);
    expect(positions.body.field).toBe('positions.0.lat');
  });

  it('keeps a PATCH of a count as text from touching the record', async () => {
    const created = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: { ...incident, fatalities: 2 } });
    expect(created.status).toBe(201);
    for (const raw of ['"Infinity"', '1e999', '"3"']) {
      const answer = await demo.call('PATCH', `/api/v1/incidents/${created.body.id}`, { as: 'coord.ml', raw: withRaw({}, 'fatalities', raw) });
      expect(answer.status, raw).toBe(400);
    }
    const read = await demo.call('GET', `/api/v1/incidents/${created.body.id}`, { as: 'coord.ml' });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ fatalities: 2, version: 1 });
  });

  it('bounds the numbers of every other body: alert rules, recommendations, settings', async () => {
    const rule = { id: 'numbers-rule', kind: 'incident-near', target: { kind: 'section', id: 'ML-SN-02' } };
    for (const raw of ['"5"', '1e999', '1e300']) {
      const answer = await demo.call('POST', '/api/v1/alert-rules', { as: 'coord.ml', raw: withRaw(rule, 'withinKm', raw) });
      expect(answer.status, raw).toBe(400);
    }
    const overdue = { id: 'numbers-overdue', kind: 'patrol-overdue' };
    expect((await demo.call('POST', '/api/v1/alert-rules', { as: 'coord.ml', raw: withRaw(overdue, 'graceMinutes', '1e300') })).status).toBe(400);
    expect((await demo.call('GET', '/api/v1/alert-rules', { as: 'coord.ml' })).body.map((r: any) => r.rule.id)).not.toContain('numbers-rule');

    const recommendation = { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' };
    expect((await demo.call('POST', '/api/v1/recommendations', { as: 'coord.ml', raw: withRaw(recommendation, 'maxLengthKm', '"40"') })).status).toBe(400);

    for (const raw of ['"60"', '1e300', '1e999']) {
      const answer = await demo.call('PUT', '/api/v1/early-warning/settings', { as: 'coord.ml', raw: withRaw({}, 'lookbackDays', raw) });
      expect(answer.status, raw).toBe(400);
    }
    expect((await demo.call('GET', '/api/v1/early-warning/settings', { as: 'coord.ml' })).body.lookbackDays).toBe(365);
  });

  it('still reads numbers of the query string and the path from their text', async () => {
    const listed = await demo.call('GET', '/api/v1/incidents?limit=3', { as: 'coord.ml' });
    expect(listed.status).toBe(200);
    expect(listed.body.features).toHaveLength(3);
    expect((await demo.call('GET', '/api/v1/alerts?unacknowledged=true&limit=5', { as: 'coord.ml' })).status).toBe(200);
    expect((await demo.call('GET', '/api/v1/incidents?limit=Infinity', { as: 'coord.ml' })).status).toBe(400);
    expect((await demo.call('GET', '/api/v1/incidents?limit=1e999', { as: 'coord.ml' })).status).toBe(400);
  });
});
