import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/contracts/incident.js';
import { isVisibleTo } from '../../src/domain/sovereignty.js';
import { earlyWarningOf } from '../../src/services/early-warning-service.js';
import { feedNonce, makeTemplate, startRun, twinAppears, twinDisappears, type Answer, type Run, type Template } from '../support/twin-runs.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

/**
 * Non-interference: what Senegal receives on Mali's node — every GET route it may call, every frame
 * of its live stream, every post to its webhook, and Mali's feed to Senegal's node — is a function
 * of the records Senegal may see alone. Random sequences of Mali's writes (national, released,
 * narrowed, widened, edited, refuted incidents; overrides; alert rules; patrols and positions; time
 * passing) go to a real run; a twin run gets only what Senegal may see of them: a record exists
 * there while it is visible to Senegal, as Senegal sees it, and is deleted when Senegal loses it.
 * Both runs must answer Senegal identically. Ids and clocks are held equal (`CountingIds`).
 */

const RUNS = Number(process.env.DIBOLI_NON_INTERFERENCE_RUNS ?? 10);
const MAX_OPERATIONS = 24;
const SN = 'SN';

const TYPES: [string, string][] = [
  ['Battles', 'Armed clash'],
  ['Violence against civilians', 'Attack'],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Border activity', 'Smuggling'],
];
const release = fc.constantFrom<string[]>([], [SN], ['MR'], [SN, 'MR']);
const operation = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      place: fc.nat(2),
      type: fc.nat(TYPES.length - 1),
      release,
      confirmed: fc.boolean(),
      fatalities: fc.nat(8),
      hoursAgo: fc.nat(96),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('release' as const), slot: fc.nat(), release }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), slot: fc.nat(), fatalities: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refute' as const), slot: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('override' as const),
      place: fc.nat(2),
      level: fc.constantFrom('low', 'medium', 'high', 'critical'),
      release,
      hours: fc.integer({ min: 1, max: 72 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('rule' as const), rule: fc.constantFrom('near', 'rising', 'overdue'), release, public: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('switch' as const), slot: fc.nat(), enabled: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('patrol' as const),
      place: fc.nat(2),
      release: fc.constantFrom<string[]>([], [SN]),
      positions: fc.boolean(),
      complete: fc.boolean(),
    }),
  },
  // At most a day at a time: 24 operations stay within the sessions' 30 days, so no stream ends
  // on an expiry that each run would notice at its own moment.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 24 * 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const) }) },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

let template: Template;
let realHooks: WebhookReceiver;
let twinHooks: WebhookReceiver;
const counted = { runs: 0, operations: 0, answers: 0, frames: 0, posts: 0, feedEnvelopes: 0 };

beforeAll(async () => {
  template = await makeTemplate();
  realHooks = await startWebhookReceiver();
  twinHooks = await startWebhookReceiver();
}, 120_000);

afterAll(async () => {
  await realHooks?.close();
  await twinHooks?.close();
  if (template) rmSync(template.dir, { recursive: true, force: true });
  process.stdout.write(`non-interference: ${JSON.stringify(counted)}\n`);
});

/** What the two runs know of Mali's writes, to replay them and to probe ids Senegal may not see. */
interface Book {
  incidents: string[];
  rules: { id: string; release: string[] }[];
  patrols: { id: string; release: string[] }[];
}

/** Runs one of Mali's writes on the real node, and what Senegal may see of it on the twin. */
async function play(real: Run, twin: Run, op: Operation, index: number, book: Book, positionsToSenegal: boolean): Promise<void> {
  const label = `op${index}`;
  real.ids.operation(label);
  twin.ids.operation(label);
  const place = (n: number) => template.places[n % template.places.length]!;
  const both = async (method: 'POST' | 'PATCH', url: string, as: string, body: unknown, twinToo: boolean): Promise<Answer> => {
    const answer = await real.call(method, url, { as, body });
    if (twinToo) {
      const mirrored = await twin.call(method, url, { as, body });
      expect(mirrored.status, `${method} ${url}`).toBe(answer.status);
    }
    return answer;
  };

  switch (op.kind) {
    case 'create':
    case 'release':
    case 'edit':
    case 'refute': {
      let url = '/api/v1/incidents';
      let method: 'POST' | 'PATCH' = 'POST';
      let body: Record<string, unknown>;
      let before: Incident | undefined;
      if (op.kind === 'create') {
        const [eventType, subEventType] = TYPES[op.type]!;
        const occurredAt = new Date(real.clock.now().getTime() - op.hoursAgo * 3_600_000 - index * 61_000).toISOString();
        body = {
          occurredAt,
          location: place(op.place).point,
          eventType,
          subEventType,
          fatalities: op.fatalities,
          status: op.confirmed ? 'confirmed' : 'unverified',
          releasableTo: op.release,
          narrative: `détail ${label}`,
          source: { kind: 'patrol', credibility: 2 },
        };
      } else {
        if (book.incidents.length === 0) return;
        const id = book.incidents[op.slot % book.incidents.length]!;
        before = await real.node.repos.incidents.findVisible(id, 'ML');
        url = `/api/v1/incidents/${id}`;
        method = 'PATCH';
        body =
          op.kind === 'release'
            ? { releasableTo: op.release }
            : op.kind === 'edit'
              ? { fatalities: op.fatalities, narrative: `modifié ${label}` }
              : { status: 'refuted' };
      }
      const seenBefore = before !== undefined && isVisibleTo(before, SN);
      const answer = await real.call(method, url, { as: 'coord.ml', body });
      expect(answer.status, `${method} ${url} ${JSON.stringify(answer.body)}`).toBeLessThan(300);
      const after = answer.body as Incident;
      if (op.kind === 'create') book.incidents.push(after.id);
      const seenAfter = isVisibleTo(after, SN);
      if (seenAfter && (op.kind === 'create' || seenBefore)) {
        // Senegal sees the record before and after the write (or it is born visible): the same write.
        const mirrored = await twin.call(method, url, { as: 'coord.ml', body });
        expect(mirrored).toEqual(answer);
      } else if (seenAfter) await twinAppears(twin, (await real.node.repos.incidents.findVisible(after.id, 'ML'))!);
      else if (seenBefore) await twinDisappears(twin, after.id, after.version);
      return;
    }
    case 'override': {
      const at = real.clock.now().getTime();
      const body = { level: op.level, reason: `motif ${label}`, expiresAt: new Date(at + op.hours * 3_600_000).toISOString(), releasableTo: op.release };
      const answer = await both('POST', `/api/v1/sections/${place(op.place).section}/override`, 'coord.ml', body, op.release.includes(SN));
      expect(answer.status).toBe(200);
      return;
    }
    case 'rule': {
      const id = `rule-${label}`;
      const definition =
        op.rule === 'near'
          ? { kind: 'incident-near', eventTypes: TYPES.map(([type]) => type), target: { kind: 'section', id: place(index).section }, withinKm: 40 }
          : op.rule === 'rising'
            ? { kind: 'level-rising', minLevel: 'medium' }
            : { kind: 'patrol-overdue', graceMinutes: 10 };
      const answer = await both(
        'POST',
        '/api/v1/alert-rules',
        'coord.ml',
        { id, ...definition, public: op.public, releasableTo: op.release },
        op.release.includes(SN),
      );
      expect(answer.status).toBe(201);
      book.rules.push({ id, release: op.release });
      return;
    }
    case 'switch': {
      if (book.rules.length === 0) return;
      const rule = book.rules[op.slot % book.rules.length]!;
      await both('PATCH', `/api/v1/alert-rules/${rule.id}`, 'coord.ml', { enabled: op.enabled }, rule.release.includes(SN));
      return;
    }
    case 'patrol': {
      const seen = op.release.includes(SN);
      const now = real.clock.now().getTime();
      const created = await both(
        'POST',
        '/api/v1/patrols',
        'coord.ml',
        {
          name: `Patrouille ${label}`,
          kind: 'national',
          unitIds: ['ml-gtia-diboli'],
          route: { type: 'LineString', coordinates: place(op.place).line },
          plannedStart: new Date(now - 3_600_000).toISOString(),
          plannedEnd: new Date(now + 6 * 3_600_000).toISOString(),
          releasableTo: op.release,
        },
        seen,
      );
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      book.patrols.push({ id, release: op.release });
      await both('POST', `/api/v1/patrols/${id}/propose`, 'coord.ml', undefined, seen);
      await both('POST', `/api/v1/patrols/${id}/approve`, 'coord.ml', undefined, seen);
      await both('POST', `/api/v1/patrols/${id}/start`, 'lead.ml', undefined, seen);
      if (op.positions) {
        // Where the patrol really went: another section than the one planned.
        const positions = place(op.place + 1).line.map(([lon, lat], i) => ({ at: new Date(now - 50 * 60_000 + i * 60_000).toISOString(), lat, lon }));
        // Positions exist for Senegal only where the position policy releases them to it.
        await both('POST', `/api/v1/patrols/${id}/positions`, 'lead.ml', { positions }, seen && positionsToSenegal);
      }
      if (op.complete) await both('POST', `/api/v1/patrols/${id}/complete`, 'lead.ml', undefined, seen);
      return;
    }
    case 'advance': {
      const next = new Date(real.clock.now().getTime() + op.minutes * 60_000).toISOString();
      real.clock.set(next);
      twin.clock.set(next);
      return;
    }
    case 'tick':
      // The housekeeping pass, driven by time alone: the same in both runs.
      for (const run of [real, twin]) {
        await earlyWarningOf(run.node).refreshLevels();
        await earlyWarningOf(run.node).checkOverduePatrols();
      }
      return;
    case 'read':
      await compare(real, twin, await quickReads(real), await quickReads(twin));
      return;
  }
}

/** A few of Senegal's reads, taken in the middle of a sequence (reads bring levels to now). */
async function quickReads(run: Run): Promise<Record<string, Answer>> {
  return {
    levels: await run.call('GET', '/api/v1/sections/levels', { as: 'liaison.sn' }),
    alerts: await run.call('GET', '/api/v1/alerts', { as: 'liaison.sn' }),
    history: await run.call('GET', `/api/v1/sections/${template.places[0]!.section}/history`, { as: 'coord.sn' }),
  };
}

/** Every GET route Senegal may call, and the ids it might probe (its own, and those of Mali's records). */
async function everything(run: Run, probes: { incidents: string[]; patrols: string[]; alerts: string[] }): Promise<Record<string, Answer>> {
  const reads: Record<string, Answer> = {};
  const get = async (url: string, as = 'liaison.sn') => (reads[`${as} GET ${url}`] = await run.call('GET', url, { as }));
  await get('/api/v1/sections/levels');
  await get('/api/v1/sections');
  for (const place of template.places) await get(`/api/v1/sections/${place.section}/history`);
  await get('/api/v1/alerts');
  await get('/api/v1/alerts?public=true', 'coord.sn');
  for (const id of probes.alerts) await get(`/api/v1/alerts/${id}/cap`);
  await get('/api/v1/cap.atom');
  await get('/api/v1/alert-rules', 'coord.sn');
  await get('/api/v1/coverage');
  await get('/api/v1/coverage?days=3', 'coord.sn');
  reads['coord.sn POST /api/v1/recommendations'] = await run.call('POST', '/api/v1/recommendations', {
    as: 'coord.sn',
    body: { from: '2027-03-20T06:00:00Z', to: '2027-03-20T18:00:00Z', maxLengthKm: 60, nations: ['ML', 'SN'] },
  });
  await get('/api/v1/incidents?limit=5000');
  for (const id of probes.incidents) await get(`/api/v1/incidents/${id}`);
  await get('/api/v1/patrols');
  for (const id of probes.patrols) {
    await get(`/api/v1/patrols/${id}`);
    await get(`/api/v1/patrols/${id}/track`, 'coord.sn');
    await get(`/api/v1/patrols/${id}/observations`);
  }
  await get('/api/v1/sitrep?from=2027-02-01&to=2027-03-31&format=md&lang=fr');
  await get('/api/v1/map/style.json');
  await get('/api/v1/map/basemap/9/238/235.mvt');
  await get('/api/v1/sitrep?from=2027-02-01&to=2027-03-31&format=html&lang=en', 'coord.sn');
  const webhooks = await run.call('GET', '/api/v1/webhooks', { as: 'coord.sn' });
  // The only thing that differs by construction: each run posts to its own receiver (its port).
  reads['coord.sn GET /api/v1/webhooks'] = { ...webhooks, body: (webhooks.body as { url: string }[]).map((hook) => ({ ...hook, url: '(receiver)' })) };
  return reads;
}

async function compare(real: Run, _twin: Run, seenReal: Record<string, Answer>, seenTwin: Record<string, Answer>): Promise<void> {
  expect(Object.keys(seenTwin)).toEqual(Object.keys(seenReal));
  for (const key of Object.keys(seenReal)) {
    expect(seenTwin[key], `${key} at ${real.clock.now().toISOString()}`).toEqual(seenReal[key]);
    counted.answers += 1;
  }
}

/** Waits until both streams have stopped growing (frames are written after the work that sends them). */
async function quietStreams(real: Run, twin: Run): Promise<void> {
  let last = -1;
  for (let i = 0; i < 100; i += 1) {
    const size = real.stream.frames.length + twin.stream.frames.length * 10_000;
    if (size === last && real.stream.frames.length === twin.stream.frames.length) return;
    last = size;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

describe('non-interference: a partner receives the same whatever it may not see', () => {
  it(
    `holds over ${RUNS} random sequences of up to ${MAX_OPERATIONS} of Mali's writes`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.array(operation, { minLength: 6, maxLength: MAX_OPERATIONS }), async (positionsToSenegal, ops) => {
          realHooks.posts.length = 0;
          twinHooks.posts.length = 0;
          const real = await startRun(template, 'real', {
            positionsToSenegal,
            // Mali's own webhook exists in the real run only: it is a record of Mali's.
            webhooks: [
              { nation: 'SN', url: `${realHooks.url}/sn` },
              { nation: 'ML', url: `${realHooks.url}/ml` },
            ],
          });
          const twin = await startRun(template, 'twin', { positionsToSenegal, webhooks: [{ nation: 'SN', url: `${twinHooks.url}/sn` }] });
          try {
            const book: Book = { incidents: [], rules: [], patrols: [] };
            // Two rules released to Senegal from the start, so that most sequences raise, withdraw
            // and post alerts for Senegal; the random ones add national and released rules.
            const prelude: Operation[] = [
              { kind: 'rule', rule: 'near', release: [SN], public: true },
              { kind: 'rule', rule: 'rising', release: [SN, 'MR'], public: true },
            ];
            for (const [index, op] of [...prelude, ...ops].entries()) {
              await play(real, twin, op, index, book, positionsToSenegal);
              await real.settle();
              await twin.settle();
              counted.operations += 1;
            }
            const senegalAlerts = async (run: Run) =>
              ((await run.call('GET', '/api/v1/alerts?limit=1000', { as: 'liaison.sn' })).body as { id: string }[]).map((a) => a.id);
            const maliAlerts = ((await real.call('GET', '/api/v1/alerts?limit=1000', { as: 'coord.ml' })).body as { id: string }[]).map((a) => a.id);
            const probes = {
              incidents: book.incidents,
              patrols: book.patrols.map((p) => p.id),
              alerts: [...new Set([...(await senegalAlerts(real)), ...(await senegalAlerts(twin)), ...maliAlerts])].sort(),
            };
            await compare(real, twin, await everything(real, probes), await everything(twin, probes));

            const nonce = feedNonce();
            const [feedReal, feedTwin] = [await real.feed(0, nonce), await twin.feed(0, nonce)];
            expect(feedReal.status).toBe(200);
            // The whole answer, cursor included (each nation's feed has its own sequence), but for
            // the anchor of the audit chain: a hash over every entry of the node, national ones
            // too, so it cannot be equal — it reveals no count, and the signature covers it.
            const withoutAnchor = (answer: Answer) => {
              const { anchor, ...rest } = answer.body as { anchor?: unknown; envelopes: unknown[] };
              expect(anchor).toBeDefined();
              return rest;
            };
            expect(withoutAnchor(feedTwin)).toEqual(withoutAnchor(feedReal));
            counted.feedEnvelopes += (feedReal.body as { envelopes: unknown[] }).envelopes.length;

            await real.settle();
            await twin.settle();
            await quietStreams(real, twin);
            expect(twin.stream.frames).toEqual(real.stream.frames);
            counted.frames += real.stream.frames.length;
            // Posts of one batch go out at once and may arrive in any order: compared by delivery.
            const posts = (receiver: WebhookReceiver) =>
              receiver.posts.filter((p) => p.path === '/sn').sort((a, b) => a.delivery.localeCompare(b.delivery) || a.attempt.localeCompare(b.attempt));
            expect(posts(twinHooks)).toEqual(posts(realHooks));
            counted.posts += posts(realHooks).length;
            counted.runs += 1;
          } finally {
            await real.close();
            await twin.close();
          }
        }),
        // A failing sequence is printed with its seed; DIBOLI_NON_INTERFERENCE_SEED replays it.
        { numRuns: RUNS, endOnFailure: true, ...(process.env.DIBOLI_NON_INTERFERENCE_SEED ? { seed: Number(process.env.DIBOLI_NON_INTERFERENCE_SEED) } : {}) },
      );
      // The property must have had something to compare: Senegal was sent frames and posts.
      expect(counted.frames).toBeGreaterThan(0);
      expect(counted.posts).toBeGreaterThan(0);
    },
    30 * 60_000,
  );
});
