import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Found by the OpenAPI fuzz (seed 122): a recommendation asked with `stepKm` 6.9e-294 started a
// candidate route every 1e-294 km along each axis, and the node never answered again.
let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2026-11-29T12:00:00.000Z') });
});
afterAll(async () => demo.close());

const ask = { from: '2026-12-01T06:00:00Z', to: '2026-12-01T18:00:00Z', maxLengthKm: 40, unitIds: ['ml-gtia-diboli', 'sn-garsi-kidira'] };

describe('patrol recommendations are computed on a step of a kilometre or more', () => {
  it.each([
    ['a vanishing step', { stepKm: 6.858209439510461e-294 }, 'stepKm'],
    ['a step under a kilometre', { stepKm: 0.25 }, 'stepKm'],
    ['a vanishing length', { maxLengthKm: 1e-300 }, 'maxLengthKm'],
  ])('refuses %s, naming the field, for a proposal and for a draft', async (_what, change, field) => {
    for (const url of ['/api/v1/recommendations', '/api/v1/recommendations/1/draft']) {
      const answer = await demo.call('POST', url, { as: 'coord.ml', body: { ...ask, ...change } });
      expect([url, answer.status, answer.body.field]).toEqual([url, 400, field]);
    }
  });

  it('still proposes patrols on a one-kilometre step', async () => {
    const answer = await demo.call('POST', '/api/v1/recommendations', { as: 'coord.ml', body: { ...ask, stepKm: 1 } });
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeGreaterThan(0);
  });
});
