import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Forms show every refused field at once: the node reports them all, each once, in the caller's
// language, beside the first one as `field` and `message` for clients that read only that.

let demo: DemoNode;

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2026-11-29T12:00:00.000Z') });
});
afterAll(async () => demo.close());

describe('validation errors', () => {
  it('lists every refused field once, in French by default', async () => {
    const answer = await demo.call('POST', '/api/v1/incidents', {
      as: 'coord.ml',
      body: { occurredAt: 'hier', eventType: '', subEventType: 'Smuggling', fatalities: -1, source: { kind: 'patrol', reliability: 'Z' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('ERR_VALIDATION');
    const byField = Object.fromEntries(answer.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(byField).toEqual({
      occurredAt: 'format incorrect',
      location: 'champ obligatoire manquant',
      eventType: 'champ obligatoire',
      fatalities: 'valeur trop petite',
      'source.reliability': 'valeur non autorisée',
    });
    // The first of them is still where single-error clients read it.
    expect(byField[answer.body.field]).toBeDefined();
    expect(answer.body.message).toMatch(/^Requête invalide : .+ \(.+\)$/);
  });

  it('speaks English on request', async () => {
    const answer = await demo.call('POST', '/api/v1/patrols', { as: 'coord.ml', lang: 'en', body: { kind: 'joint', unitIds: [] } });
    expect(answer.status).toBe(400);
    const fields = answer.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['name', 'plannedEnd', 'plannedStart', 'unitIds']);
    expect(answer.body.errors.find((e: { field: string }) => e.field === 'name').message).toBe('missing required field');
  });
});
