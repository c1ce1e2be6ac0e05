import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { battle, waitFor } from '../early-warning/node-helpers.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { subscribeStream } from '../support/sse-client.js';

// Finding: the live stream numbered its frames with one counter for every client, so a partner
// counted the national events between two of its frames. Frames are now numbered per nation (in a
// sequence kept by the node, so a client's first id is where its nation's count stands).

const consecutive = (ids: number[]) => ids.map((_, i) => ids[0]! + i);

let demo: DemoNode;
let origin: string;
beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2027-03-01T12:00:00.000Z') });
  origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => demo.close());

describe('live-stream frame ids', () => {
  it('are counted per nation: a partner’s ids follow each other whatever Mali records nationally in between', async () => {
    const senegal = await subscribeStream(origin, await demo.token('liaison.sn'));
    const mali = await subscribeStream(origin, await demo.token('coord.ml'));
    const released: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      for (let j = 0; j < 3; j += 1) {
        const national = await demo.call('POST', '/api/v1/incidents', {
          as: 'coord.ml',
          body: battle(`2027-02-2${i}T0${j}:00:00Z`, { releasableTo: [], location: { lat: 14.95, lon: -11.5 } }),
        });
        expect(national.status).toBe(201);
      }
      const shared = await demo.call('POST', '/api/v1/incidents', {
        as: 'coord.ml',
        body: battle(`2027-02-2${i}T09:00:00Z`, { releasableTo: ['SN'], location: { lat: 14.95, lon: -11.5 } }),
      });
      released.push(shared.body.id);
    }
    await waitFor(() => (senegal.frames.filter((f) => f.event === 'incident').length >= released.length ? true : undefined), 'Senegal’s incident frames');
    await waitFor(() => (mali.frames.filter((f) => f.event === 'incident').length >= 16 ? true : undefined), 'Mali’s incident frames');

    const numbered = senegal.frames.filter((f) => f.id !== null);
    const ids = numbered.map((f) => Number(f.id));
    expect(ids).toEqual(consecutive(ids));
    expect(numbered.filter((f) => f.event === 'incident').map((f) => (f.data as { record: { id: string } }).record.id)).toEqual(released);
    // Mali's own count runs on its own.
    const own = mali.frames.filter((f) => f.id !== null).map((f) => Number(f.id));
    expect(own).toEqual(consecutive(own));
    senegal.close();
    mali.close();
  });
});
