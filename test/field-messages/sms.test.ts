import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { FieldSenders } from '../../src/services/field-senders.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 17, part 3: SMS through a gateway. Each message form, five identical gateway retries, an
// unknown sender, a sender who does not lead the patrol, garbage and 2 KB of text, with the
// replies checked word for word in French and English (docs/field-messages.md quotes them).

const NOW = '2027-03-01T12:00:00.000Z';
const LEADER = '+22376000001';
const OTHER = '+22376000002';
let demo: DemoNode;
let token: string;
let patrolId: string;
let code: string;
let sent = 0;

async function sms(from: string, text: string, id = `msg-${++sent}`) {
  const answer = await demo.app.inject({
    method: 'POST',
    url: '/api/v1/field/sms',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ id, from, text }),
  });
  expect(answer.statusCode, answer.body).toBe(200);
  return (answer.json() as { reply: string | null }).reply;
}

const count = async (table: 'positions' | 'observations' | 'fieldMessages') =>
  Number(
    (
      await demo.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const outcomeOf = async (reference: string | undefined) =>
  (
    await demo.store.db
      .selectFrom('fieldMessages')
      .select('outcome')
      .where('reference', '=', reference ?? '')
      .execute()
  ).map((r) => r.outcome);
const referenceOf = async (reply: string | null) => /R[ée]f\. ([0-9A-F]{6})$/.exec(reply ?? '')?.[1];

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock(NOW) });
  token = (await new FieldSenders(demo.node).addGateway('Passerelle Kayes')).token;
  const leader = await demo.call('PUT', '/api/v1/users/lead.ml/phone', { as: 'admin.ml', body: { phone: '+223 76 00 00 01' } });
  expect(leader).toEqual({ status: 200, body: { username: 'lead.ml', phone: LEADER } });
  expect((await demo.call('PUT', '/api/v1/users/coord.ml/phone', { as: 'admin.ml', body: { phone: OTHER } })).status).toBe(200);
  const leaderId = (await demo.node.repos.users.findByUsername('lead.ml'))!.id;
  const created = await demo.call('POST', '/api/v1/patrols', {
    as: 'coord.ml',
    body: {
      name: 'Patrouille SMS',
      kind: 'national',
      unitIds: ['ml-gtia-diboli'],
      plannedStart: '2027-03-01T08:00:00Z',
      plannedEnd: '2027-03-01T18:00:00Z',
      releasableTo: ['SN'],
      leaderUserId: leaderId,
    },
  });
  expect(created.status).toBe(201);
  patrolId = created.body.id;
  code = created.body.code;
  for (const action of ['propose', 'approve']) expect((await demo.call('POST', `/api/v1/patrols/${patrolId}/${action}`, { as: 'coord.ml' })).status).toBe(200);
});
afterAll(async () => demo.close());

describe('a patrol run by SMS alone', () => {
  it('starts the patrol', async () => {
    const reply = await sms(LEADER, `DEBUT ${code.toLowerCase()}`);
    const ref = await referenceOf(reply);
    expect(reply).toBe(`Patrouille ${code} démarrée. Réf. ${ref}`);
    expect((await demo.call('GET', `/api/v1/patrols/${patrolId}`, { as: 'coord.ml' })).body.status).toBe('underway');
  });

  it.each([
    [
      'decimal degrees with a time',
      'POS {code} 14.4551 -12.1995 0930',
      '14.45510 -12.19950 à 09:30',
      { lat: 14.4551, lon: -12.1995, at: '2027-03-01T09:30:00.000Z' },
    ],
    ['decimal degrees without a time', 'POS {code} 14.4561 -12.1985', '14.45610 -12.19850 à 12:00', { lat: 14.4561, lon: -12.1985, at: NOW }],
    [
      'degrees-minutes with a time',
      'POS {code} 1427.3N 01212.0W 10h15',
      '14.45500 -12.20000 à 10:15',
      { lat: 14.455, lon: -12.2, at: '2027-03-01T10:15:00.000Z' },
    ],
    ['degrees-minutes without a time', 'pos {code} 1427.4N 01211.9O', '14.45667 -12.19833 à 12:00', { lat: 14.4566667, lon: -12.1983333, at: NOW }],
    [
      'MGRS with a time',
      'POS {code} 28PHA0192999902 1100',
      '14.45510 -12.19950 à 11:00',
      { lat: 14.4551041, lon: -12.1994999, at: '2027-03-01T11:00:00.000Z' },
    ],
    ['MGRS without a time, spaced', 'POS {code} 28P HA 01929 99902', '14.45510 -12.19950 à 12:00', { lat: 14.4551041, lon: -12.1994999, at: NOW }],
  ])('records a position in %s, confirmed with its reference', async (_form, text, said, stored) => {
    const before = await count('positions');
    const reply = await sms(LEADER, text.replace('{code}', code));
    const ref = await referenceOf(reply);
    expect(reply).toBe(`Position ${code} enregistrée : ${said}. Réf. ${ref}`);
    expect(await count('positions')).toBe(before + 1);
    const position = await demo.store.db
      .selectFrom('positions')
      .selectAll()
      .where('patrolId', '=', patrolId)
      .where('clientId', 'like', 'sms-%')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(position.lat).toBeCloseTo(stored.lat, 6);
    expect(position.lon).toBeCloseTo(stored.lon, 6);
    expect(position.at).toBe(stored.at);
    expect(await outcomeOf(ref)).toEqual(['recorded']);
  });

  it('records an observation in English, with its type, counts, place, hour and text', async () => {
    const reply = await sms(LEADER, `OBS ${code} SMUG P5 D0 I1 14.4551 -12.1995 1130 3 motorbikes towards Kidira`);
    const ref = await referenceOf(reply);
    expect(reply).toBe(`Observation ${code} recorded: SMUG at 11:30. Ref. ${ref}`);
    const observations = await demo.call('GET', `/api/v1/patrols/${patrolId}/observations`, { as: 'coord.ml' });
    expect(observations.body).toHaveLength(1);
    expect(observations.body[0]).toMatchObject({
      at: '2027-03-01T11:30:00.000Z',
      location: { lat: 14.4551, lon: -12.1995 },
      text: '3 motorbikes towards Kidira',
      eventType: 'Border activity',
      counts: { people: 5, fatalities: 0, injured: 1 },
      reportedVia: 'sms',
    });
    expect(observations.body[0].clientId).toMatch(/^sms-[0-9a-f]{24}$/);
  });

  it('records five identical gateway retries once, and answers each the same', async () => {
    const [positions, messages] = [await count('positions'), await count('fieldMessages')];
    const replies = await Promise.all(Array.from({ length: 5 }, () => sms(LEADER, `POS ${code} 14.4571 -12.1975 1145`, 'retried-1')));
    expect(new Set(replies).size).toBe(1);
    expect(replies[0]).toBe(`Position ${code} enregistrée : 14.45710 -12.19750 à 11:45. Réf. ${await referenceOf(replies[0]!)}`);
    expect(await count('positions')).toBe(positions + 1);
    expect(await count('fieldMessages')).toBe(messages + 1);
    // A gateway that gives each retry a new id: the same sender and text within ten minutes is the same message.
    const again = await sms(LEADER, `POS ${code} 14.4571 -12.1975 1145`, 'retried-2');
    expect(again).toBe(replies[0]);
    expect(await count('positions')).toBe(positions + 1);
  });

  it('never answers one sender with another’s reply, even under a gateway id used twice', async () => {
    const first = await sms(LEADER, `POS ${code} 14.4581 -12.1965`, 'reused-id');
    const other = await sms(OTHER, `POS ${code} 14.4581 -12.1965`, 'reused-id');
    expect(first).toMatch(/^Position .* enregistrée/);
    expect(other).toBe(`Refusé : Vous ne rapportez pas pour la patrouille ${code}.`);
  });

  it('ends the patrol with its debrief', async () => {
    const reply = await sms(LEADER, `FIN ${code} RAS, retour à Diboli`);
    expect(reply).toBe(`Patrouille ${code} terminée. Réf. ${await referenceOf(reply)}`);
    const patrol = await demo.call('GET', `/api/v1/patrols/${patrolId}`, { as: 'coord.ml' });
    expect(patrol.body).toMatchObject({ status: 'completed', debrief: 'RAS, retour à Diboli' });
  });
});

describe('what is refused, and what the sender is told', () => {
  it('answers nothing to an unknown number and keeps nothing but a count', async () => {
    const [messages, refusals] = [await count('fieldMessages'), await demo.store.db.selectFrom('smsRefusals').selectAll().execute()];
    expect(await sms('+22170000000', `POS ${code} 14.4551 -12.1995`)).toBeNull();
    expect(await sms('not a number', 'AIDE')).toBeNull();
    expect(await count('fieldMessages')).toBe(messages);
    const after = await demo.store.db.selectFrom('smsRefusals').selectAll().execute();
    expect(after.reduce((n, r) => n + r.count, 0)).toBe(refusals.reduce((n, r) => n + r.count, 0) + 2);
    expect(JSON.stringify(after)).not.toContain('22170000000');
  });

  it('refuses a sender who does not lead or report for the patrol, in the language of the keywords', async () => {
    const before = await count('observations');
    expect(await sms(OTHER, `OBS ${code} CONT P2 passage de nuit`)).toBe(`Refusé : Vous ne rapportez pas pour la patrouille ${code}.`);
    expect(await sms(OTHER, `OBS ${code} SMUG P2 night crossing`)).toBe(`Refused: You do not report for patrol ${code}.`);
    expect(await count('observations')).toBe(before);
  });

  it('names an unknown patrol code', async () => {
    expect(await sms(LEADER, 'POS ML-999 14.4551 -12.1995')).toBe('Refusé : Aucune patrouille ML-999 sur ce nœud.');
    expect(await sms(LEADER, 'END ML-999')).toBe('Refused: No patrol ML-999 on this node.');
  });

  it('answers garbage with the forms, in French by default and in English to HELP', async () => {
    const before = [await count('positions'), await count('observations')];
    expect(await sms(LEADER, 'bjr chef tout va bien')).toBe(
      'Refusé : commande inconnue : bjr. Forme : DEBUT ML-12 | POS ML-12 14.4551 -12.1995 0930 | OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte | FIN ML-12 compte rendu | AIDE POS, AIDE OBS, AIDE TYPES',
    );
    expect(await sms(LEADER, `POS ${code} 14.4551`)).toBe(
      `Refusé : position illisible : 14.4551 (écrire 14.4551 -12.1995, 1427.3N 01212.0W ou 28PDA1234567890). Forme : POS ${code} 14.4551 -12.1995 0930`,
    );
    expect(await sms(LEADER, `POS ${code} 14.4551 -12.1995 1300`)).toBe(`Refusé : heure dans le futur : 1300. Forme : POS ${code} 14.4551 -12.1995 0930`);
    expect(await sms(LEADER, 'HELP')).toBe(
      'START ML-12 | POS ML-12 14.4551 -12.1995 0930 | OBS ML-12 SMUG P5 14.4551 -12.1995 0930 text | END ML-12 debrief | HELP POS, HELP OBS, HELP TYPES',
    );
    expect([await count('positions'), await count('observations')]).toEqual(before);
  });

  it('answers 2 KB of text that it is too long, and keeps nothing of it', async () => {
    const messages = await count('fieldMessages');
    expect(await sms(LEADER, `POS ${code} ${'1'.repeat(2048 - 5 - code.length)}`)).toBe(
      'Refusé : message trop long (2048 caractères, 480 au plus). Forme : DEBUT ML-12 | POS ML-12 14.4551 -12.1995 0930 | OBS ML-12 CONT P5 14.4551 -12.1995 0930 texte | FIN ML-12 compte rendu | AIDE POS, AIDE OBS, AIDE TYPES',
    );
    expect(await count('fieldMessages')).toBe(messages);
  });

  it('answers a form post as XML, and refuses callers without the gateway’s token', async () => {
    const form = await demo.app.inject({
      method: 'POST',
      url: '/api/v1/field/sms',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ From: LEADER, Body: 'AIDE TYPES', MessageSid: 'SM1', To: '+22370000000' }).toString(),
    });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toMatch(/^text\/xml/);
    expect(form.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Message>Types : AFF EXPL IED CIV ENLEV MANIF EMEUTE ARREST PILL CONT PASS ORP BETAIL DEPL NOTE</Message></Response>\n',
    );
    const messages = await count('fieldMessages');
    for (const authorization of [undefined, 'Bearer dgw_wrong', `Bearer ${await demo.token('coord.ml')}`]) {
      const answer = await demo.app.inject({
        method: 'POST',
        url: '/api/v1/field/sms',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        payload: JSON.stringify({ id: 'x', from: LEADER, text: `POS ${code} 14.4551 -12.1995` }),
      });
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({ code: 'ERR_GATEWAY_UNAUTHENTICATED' });
    }
    expect(await count('fieldMessages')).toBe(messages);
  });
});
