import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, createNodeContext } from '../../src/composition.js';
import { installDemo } from '../../src/cli/demo.js';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { openStore, type Store } from '../../src/store/database.js';
import { battle, waitFor } from '../early-warning/node-helpers.js';
import { subscribeStream } from '../support/sse-client.js';

// Finding of issue 14: the live stream's ids restarted at 1 with the process, so a client that
// came back after a restart either skipped frames or took new ones for old. Ids now come from a
// sequence the node keeps, and what was missed across the restart is sent when the client returns.

const dir = mkdtempSync(join(tmpdir(), 'diboli-stream-restart-'));
const config = loadConfig({ dataDir: dir }, {});
const clock = fixedClock('2027-03-01T12:00:00.000Z');
// One authenticator per user across both runs: a code is accepted once.
const codes = new DemoAuthenticators();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(): Promise<{
  store: Store;
  app: FastifyInstance;
  origin: string;
  token(username: string): Promise<string>;
  post(body: unknown): Promise<string>;
}> {
  const store = await openStore(dir);
  const node = await createNodeContext(config, store, { clock });
  const app = await buildApp(node, { webRoot: false, earlyWarning: { tickMs: 0 } });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const token = async (username: string) => {
    const answer = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: DEMO_PASSWORD, code: codes.codeFor(username, clock.now()) },
    });
    return (answer.json() as { token: string }).token;
  };
  const coordinator = await token('coord.ml');
  const post = async (body: unknown) => {
    const answer = await app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { authorization: `Bearer ${coordinator}` }, payload: body as object });
    expect(answer.statusCode).toBe(201);
    return (answer.json() as { id: string }).id;
  };
  return { store, app, origin, token, post };
}

describe('live-stream ids across a restart', () => {
  it('go on from where they were, and a client that comes back after the restart gets what it missed', async () => {
    const setup = await openStore(dir);
    await installDemo(setup, config, undefined, { alertRules: false });
    await setup.close();

    const first = await start();
    const before = await subscribeStream(first.origin, await first.token('liaison.sn'));
    const seenId = await first.post(battle('2027-03-01T09:00:00Z', { releasableTo: ['SN'] }));
    const seen = await waitFor(
      () => before.frames.find((f) => f.event === 'incident' && (f.data as { record: { id: string } }).record.id === seenId),
      'the first incident',
    );
    const missedBefore = await first.post(battle('2027-03-01T09:30:00Z', { releasableTo: ['SN'] }));
    await waitFor(
      () => before.frames.find((f) => f.event === 'incident' && (f.data as { record: { id: string } }).record.id === missedBefore),
      'the second incident',
    );
    before.close();
    await first.app.close();
    await first.store.close();

    const second = await start();
    const missedAfter = await second.post(battle('2027-03-01T10:00:00Z', { releasableTo: ['SN'] }));
    const back = await subscribeStream(second.origin, await second.token('liaison.sn'), { lastEventId: seen.id! });
    const frame = await waitFor(
      () => back.frames.find((f) => f.event === 'incident' && (f.data as { record: { id: string } }).record.id === missedAfter),
      'the incident written after the restart',
    );
    const ids = back.frames.map((f) => Number(f.id));
    expect(ids.every((id) => id > Number(seen.id))).toBe(true);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const incidents = back.frames.filter((f) => f.event === 'incident').map((f) => (f.data as { record: { id: string } }).record.id);
    expect(incidents).toEqual([missedBefore, missedAfter]);
    expect(Number(frame.id)).toBeGreaterThan(Number(seen.id) + 1);
    back.close();

    // A new client starts from where Senegal's count stands, not from 1.
    const fresh = await subscribeStream(second.origin, await second.token('liaison.sn'));
    expect(Number((await waitFor(() => fresh.frames.find((f) => f.event === 'ready'), 'the ready frame')).id)).toBeGreaterThanOrEqual(Number(frame.id));
    fresh.close();
    await second.app.close();
    await second.store.close();
  });
});
