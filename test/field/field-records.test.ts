import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 17: a field device sends what it recorded until the node acknowledges it, so the node sees
// the same records again (a lost answer, a reload, a gateway's retry). The device's client id is
// the idempotency key: whatever the order and repetition of batches, each record is stored once.

const NOW = '2027-03-01T12:00:00.000Z';
let demo: DemoNode;
let patrols = 0;
const userId = async (username: string) => (await demo.node.repos.users.findByUsername(username))!.id;

/** A national patrol of Mali, released to Senegal, led by lead.ml and under way. */
async function underway(): Promise<string> {
  const created = await demo.call('POST', '/api/v1/patrols', {
    as: 'coord.ml',
    body: {
      name: `Patrouille de terrain ${++patrols}`,
      kind: 'national',
      unitIds: ['ml-gtia-diboli'],
      plannedStart: '2027-03-01T08:00:00Z',
      plannedEnd: '2027-03-01T18:00:00Z',
      releasableTo: ['SN'],
      leaderUserId: await userId('lead.ml'),
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const action of ['propose', 'approve']) expect((await demo.call('POST', `/api/v1/patrols/${id}/${action}`, { as: 'coord.ml' })).status).toBe(200);
  expect((await demo.call('POST', `/api/v1/patrols/${id}/start`, { as: 'lead.ml' })).status).toBe(200);
  return id;
}

const position = (clientId: string, i: number) => ({
  at: new Date(Date.parse('2027-03-01T09:00:00Z') + i * 1000).toISOString(),
  lat: 14.4551 + i * 1e-4,
  lon: -12.1995,
  clientId,
});
const storedClientIds = async (patrolId: string) =>
  (await demo.store.db.selectFrom('positions').select('clientId').where('patrolId', '=', patrolId).execute()).map((r) => r.clientId);
const observationCount = async () =>
  (
    await demo.store.db
      .selectFrom('observations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock(NOW) });
});
afterAll(async () => demo.close());

describe('positions with client ids', () => {
  it('stores each client id exactly once, whatever the interleaving and repetition of the batches', async () => {
    // Batches drawn from a pool of 12 client ids, sent in sequence or several at once, repeated.
    const batch = fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 8 });
    const sending = fc.array(fc.tuple(batch, fc.boolean()), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(sending, async (batches) => {
        const id = await underway();
        let accepted = 0;
        let pending: Promise<{ accepted: number }>[] = [];
        const send = (ids: number[]) =>
          demo
            .call('POST', `/api/v1/patrols/${id}/positions`, {
              as: 'lead.ml',
              body: { positions: ids.map((n) => position(`dev-${n}`, n)), reportedVia: 'field' },
            })
            .then((answer) => {
              expect(answer.status).toBe(200);
              expect(answer.body.accepted + answer.body.duplicates).toBe(ids.length);
              return answer.body as { accepted: number };
            });
        for (const [ids, together] of batches) {
          pending.push(send(ids));
          if (!together) {
            for (const answer of await Promise.all(pending)) accepted += answer.accepted;
            pending = [];
          }
        }
        for (const answer of await Promise.all(pending)) accepted += answer.accepted;
        const distinct = new Set(batches.flatMap(([ids]) => ids.map((n) => `dev-${n}`)));
        const stored = await storedClientIds(id);
        expect(stored.sort()).toEqual([...distinct].sort());
        expect(accepted).toBe(distinct.size);
      }),
      { numRuns: 20 },
    );
  });

  it('keeps positions without a client id as before: each one sent is stored', async () => {
    const id = await underway();
    const { clientId: _a, ...plain } = position('x', 1);
    for (let i = 0; i < 2; i++) {
      const answer = await demo.call('POST', `/api/v1/patrols/${id}/positions`, { as: 'lead.ml', body: { positions: [plain, plain] } });
      expect(answer.body).toEqual({ accepted: 2, duplicates: 0 });
    }
    expect(await storedClientIds(id)).toEqual([null, null, null, null]);
  });

  it('refuses a whole batch with one bad client id or a position from the future, storing none of it', async () => {
    const id = await underway();
    const bad = await demo.call('POST', `/api/v1/patrols/${id}/positions`, {
      as: 'lead.ml',
      body: { positions: [position('ok-1', 1), position('not ok', 2)] },
    });
    expect(bad.status).toBe(400);
    const future = { ...position('ok-2', 2), at: '2027-03-01T13:00:00.000Z' };
    const late = await demo.call('POST', `/api/v1/patrols/${id}/positions`, { as: 'lead.ml', body: { positions: [position('ok-1', 1), future] } });
    expect(late.status).toBe(422);
    expect(await storedClientIds(id)).toEqual([]);
  });

  it('takes positions sent from the field only from the patrol’s leader and reporters', async () => {
    const id = await underway();
    const refused = await demo.call('POST', `/api/v1/patrols/${id}/positions`, {
      as: 'coord.ml',
      body: { positions: [position('c-1', 1)], reportedVia: 'field' },
      lang: 'en',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ERR_NOT_PATROL_REPORTER');
    expect(refused.body.message).toMatch(/^You do not report for patrol ML-\d+\.$/);
    expect(await storedClientIds(id)).toEqual([]);
    // At the coordination centre, through the API, the coordinator still reports as before.
    expect((await demo.call('POST', `/api/v1/patrols/${id}/positions`, { as: 'coord.ml', body: { positions: [position('c-1', 1)] } })).body).toEqual({
      accepted: 1,
      duplicates: 0,
    });
  });
});

describe('observations with client ids', () => {
  it('answers 201 the first time and 200 with the stored observation for the same client id', async () => {
    const id = await underway();
    const body = {
      at: '2027-03-01T10:00:00.000Z',
      location: { lat: 14.4551, lon: -12.1995 },
      clientId: 'obs-1',
      eventType: 'Violence against civilians',
      counts: { people: 12, fatalities: null, injured: 0 },
      reportedVia: 'field',
    };
    const first = await demo.call('POST', `/api/v1/patrols/${id}/observations`, { as: 'lead.ml', body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      clientId: 'obs-1',
      eventType: 'Violence against civilians',
      counts: { people: 12, fatalities: null, injured: 0 },
      text: '',
      reportedVia: 'field',
      photos: [],
    });
    const again = await demo.call('POST', `/api/v1/patrols/${id}/observations`, { as: 'lead.ml', body: { ...body, counts: { people: 13 } } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Even once the patrol is over, a resent observation is acknowledged as the one stored.
    expect((await demo.call('POST', `/api/v1/patrols/${id}/complete`, { as: 'lead.ml' })).status).toBe(200);
    expect((await demo.call('POST', `/api/v1/patrols/${id}/observations`, { as: 'lead.ml', body })).status).toBe(200);
    const listed = await demo.call('GET', `/api/v1/patrols/${id}/observations`, { as: 'coord.sn' });
    expect(listed.body.map((o: { id: string }) => o.id)).toEqual([first.body.id]);
  });

  it('refuses an unknown event type, no text without a type, a negative count or a bad client id, storing nothing', async () => {
    const id = await underway();
    const before = await observationCount();
    const at = '2027-03-01T10:00:00.000Z';
    const cases: [unknown, number][] = [
      [{ at, eventType: 'Picnic' }, 422],
      [{ at, text: '   ' }, 400],
      [{ at }, 400],
      [{ at, text: 'x', counts: { people: -1 } }, 400],
      [{ at, text: 'x', counts: { people: 1.5 } }, 400],
      [{ at, text: 'x', counts: { people: '3' } }, 400],
      [{ at, text: 'x', clientId: 'a/b' }, 400],
      [{ at, text: 'x', clientId: 'a'.repeat(65) }, 400],
      [{ at, text: 'x', reportedVia: 'sms' }, 400],
    ];
    for (const [body, status] of cases) {
      const refused = await demo.call('POST', `/api/v1/patrols/${id}/observations`, { as: 'lead.ml', body });
      expect([JSON.stringify(body), refused.status]).toEqual([JSON.stringify(body), status]);
    }
    expect(await observationCount()).toBe(before);
  });

  it('takes observations sent from the field only from the patrol’s leader and reporters', async () => {
    const id = await underway();
    const before = await observationCount();
    const refused = await demo.call('POST', `/api/v1/patrols/${id}/observations`, {
      as: 'coord.ml',
      body: { at: '2027-03-01T10:00:00.000Z', text: 'Pont dégagé', reportedVia: 'field' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ERR_NOT_PATROL_REPORTER');
    expect(refused.body.message).toMatch(/^Vous ne rapportez pas pour la patrouille ML-\d+\.$/);
    expect(await observationCount()).toBe(before);
  });
});

describe('ending a patrol twice from the field', () => {
  it('answers 409 to a second complete and keeps the same debrief version for the same text', async () => {
    const id = await underway();
    expect((await demo.call('POST', `/api/v1/patrols/${id}/complete`, { as: 'lead.ml' })).status).toBe(200);
    const again = await demo.call('POST', `/api/v1/patrols/${id}/complete`, { as: 'lead.ml' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ERR_PATROL_TRANSITION');
    const first = await demo.call('PUT', `/api/v1/patrols/${id}/debrief`, { as: 'lead.ml', body: { text: 'Axe dégagé.' } });
    const second = await demo.call('PUT', `/api/v1/patrols/${id}/debrief`, { as: 'lead.ml', body: { text: 'Axe dégagé.' } });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(first.body.version);
  });
});
