import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlyWarningOf } from '../../src/services/early-warning-service.js';
import { liveStreamOf } from '../../src/services/live-stream.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { battle, waitFor } from '../early-warning/node-helpers.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { subscribeStream, type StreamFrame } from '../support/sse-client.js';

// The live stream keeps its frames so that a client that lost its link is sent what it missed
// (issue 14). What is kept is kept per audience, and what an audience loses is taken out of its
// kept frames when it loses it: a partner coming back gets nothing it may not see now — neither
// Mali's national records nor the body of a record Mali narrowed meanwhile, nor the alert about it.

const N1_RULE = {
  id: 'n1',
  kind: 'incident-near',
  eventTypes: ['Battles'],
  target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' },
  withinKm: 20,
  releasableTo: ['SN'],
};

let demo: DemoNode;
let origin: string;
beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2027-03-01T12:00:00.000Z') });
  origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
  expect((await demo.call('POST', '/api/v1/alert-rules', { as: 'coord.ml', body: N1_RULE })).status).toBe(201);
});
afterAll(async () => demo?.close());

const about = (frames: StreamFrame[], id: string) => frames.filter((f) => JSON.stringify(f.data).includes(id));

describe('a partner’s replay', () => {
  it('holds what it was sent and may still see, and nothing of what it never saw or lost meanwhile', async () => {
    const token = await demo.token('liaison.sn');
    // One client stays connected throughout: what Senegal was sent live.
    const throughout = await subscribeStream(origin, token);
    const leaving = await subscribeStream(origin, token);
    const ready = await waitFor(() => leaving.frames.find((f) => f.event === 'ready'), 'the ready frame');
    leaving.close();

    const create = async (body: Record<string, unknown>) => (await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body })).body as { id: string };
    const national = await create(battle('2027-03-01T08:00:00Z', { releasableTo: [], narrative: 'Secret national' }));
    const narrowed = await create(battle('2027-03-01T09:00:00Z', { releasableTo: ['SN'], narrative: 'Diffusé puis repris' }));
    const kept = await create(battle('2027-03-01T10:00:00Z', { releasableTo: ['SN'], narrative: 'Diffusé' }));
    expect((await demo.call('PATCH', `/api/v1/incidents/${kept.id}`, { as: 'coord.ml', body: { fatalities: 9 } })).status).toBe(200);
    expect(
      (await demo.call('PATCH', `/api/v1/incidents/${narrowed.id}`, { as: 'coord.ml', body: { releasableTo: [], narrative: 'Repris, national' } })).status,
    ).toBe(200);
    await earlyWarningOf(demo.node).settled();
    await liveStreamOf(demo.node, earlyWarningOf(demo.node)).settled();

    const back = await subscribeStream(origin, token, { lastEventId: ready.id! });
    const last = throughout.frames.at(-1)!;
    await waitFor(() => (back.frames.some((f) => f.id === last.id) ? true : undefined), 'the replay');
    await new Promise((resolve) => setTimeout(resolve, 100));
    back.close();
    throughout.close();

    // Live, Senegal saw the narrowed incident and its alert, then was told to drop them.
    const alertOfNarrowed = throughout.frames.find((f) => f.event === 'alert' && (f.data as { cause: { id: string } }).cause.id === narrowed.id)!;
    expect(alertOfNarrowed).toBeDefined();
    expect(about(throughout.frames, narrowed.id).map((f) => f.event)).toEqual(['incident', 'alert', 'incident-removed']);

    // Replayed: what it was sent, less what it lost since — the narrowed incident's body and the
    // alert about it — with the removal and the Cancel in their places.
    const lost = (f: StreamFrame) =>
      (f.event === 'incident' && (f.data as { record: { id: string } }).record.id === narrowed.id) || (f.event === 'alert' && f.id === alertOfNarrowed.id);
    const replayed = back.frames.filter((f) => f.event !== 'ready');
    expect(replayed).toEqual(throughout.frames.filter((f) => f.event !== 'ready' && Number(f.id) > Number(ready.id) && !lost(f)));
    expect(replayed.map((f) => f.event)).toContain('alert-cancelled');
    expect(about(replayed, narrowed.id).map((f) => f.event)).toEqual(['incident-removed']);
    const text = JSON.stringify(replayed);
    for (const secret of [national.id, 'Secret national', 'Diffusé puis repris', 'Repris, national']) expect(text).not.toContain(secret);
    expect(about(replayed, kept.id).filter((f) => f.event === 'incident')).toHaveLength(2);

    // What the node keeps for Senegal holds nothing more than that.
    const rows = demo.store.sqlite.prepare("SELECT data FROM stream_events WHERE audience = 'SN'").all() as { data: string }[];
    const stored = rows.map((r) => r.data).join('\n');
    for (const secret of [national.id, 'Secret national', 'Diffusé puis repris', 'Repris, national']) expect(stored).not.toContain(secret);
    // Mali, which saw all of it, keeps all of it.
    const mali = (demo.store.sqlite.prepare("SELECT data FROM stream_events WHERE audience = 'ML'").all() as { data: string }[]).map((r) => r.data).join('\n');
    for (const text of ['Secret national', 'Diffusé puis repris', 'Repris, national']) expect(mali).toContain(text);
  });
});
