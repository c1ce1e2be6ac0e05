import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 17, part 3: radio messages typed by an operator get the same reader and the same replies
// as SMS; phones and gateways are set up from the command line.

const NOW = '2027-03-01T12:00:00.000Z';
let demo: DemoNode;
let patrolId: string;
let code: string;
const idOf = async (username: string) => (await demo.node.repos.users.findByUsername(username))!.id;

async function cli(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => '' });
  return { status, out, err };
}

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock(NOW) });
  const created = await demo.call('POST', '/api/v1/patrols', {
    as: 'coord.ml',
    body: {
      name: 'Patrouille radio',
      kind: 'national',
      unitIds: ['ml-gtia-diboli'],
      plannedStart: '2027-03-01T08:00:00Z',
      plannedEnd: '2027-03-01T18:00:00Z',
      leaderUserId: await idOf('lead.ml'),
    },
  });
  patrolId = created.body.id;
  code = created.body.code;
  for (const action of ['propose', 'approve']) expect((await demo.call('POST', `/api/v1/patrols/${patrolId}/${action}`, { as: 'coord.ml' })).status).toBe(200);
});
afterAll(async () => demo.close());

describe('the radio operator’s screen', () => {
  it('lists the senders and records what the leader read, with the SMS replies', async () => {
    const senders = await demo.call('GET', '/api/v1/field/radio/senders', { as: 'coord.ml' });
    expect(senders.body.map((s: { username: string }) => s.username)).toContain('lead.ml');
    const lead = await idOf('lead.ml');
    const start = await demo.call('POST', '/api/v1/field/radio', { as: 'coord.ml', body: { senderUserId: lead, text: `START ${code}` } });
    expect(start.body).toMatchObject({ outcome: 'recorded', reply: `Patrol ${code} started. Ref. ${start.body.reference}` });
    const seen = await demo.call('POST', '/api/v1/field/radio', {
      as: 'coord.ml',
      body: { senderUserId: lead, text: `OBS ${code} ORP P40 1427.3N 01212.0W 1015 placer actif` },
    });
    expect(seen.body).toEqual({
      outcome: 'recorded',
      reference: seen.body.reference,
      reply: `Observation ${code} enregistrée : ORP à 10:15. Réf. ${seen.body.reference}`,
    });
    const observations = await demo.call('GET', `/api/v1/patrols/${patrolId}/observations`, { as: 'coord.ml' });
    expect(observations.body[0]).toMatchObject({
      reportedVia: 'radio',
      eventType: 'Border activity',
      counts: { people: 40, fatalities: null, injured: null },
      text: 'placer actif',
    });
    const row = await demo.store.db.selectFrom('fieldMessages').selectAll().where('reference', '=', seen.body.reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'radio', senderUserId: lead, enteredBy: await idOf('coord.ml'), outcome: 'recorded' });
    // Typed twice by mistake: recorded once, answered the same.
    const twice = await demo.call('POST', '/api/v1/field/radio', {
      as: 'coord.ml',
      body: { senderUserId: lead, text: `OBS ${code} ORP P40 1427.3N 01212.0W 1015 placer actif` },
    });
    expect(twice.body).toEqual({ ...seen.body, outcome: 'duplicate' });
    expect((await demo.call('GET', `/api/v1/patrols/${patrolId}/observations`, { as: 'coord.ml' })).body).toHaveLength(1);
  });

  it('refuses a sender who does not lead the patrol, and operators who are not coordinators', async () => {
    const other = await demo.call('POST', '/api/v1/field/radio', {
      as: 'coord.ml',
      body: { senderUserId: await idOf('coord.ml'), text: `POS ${code} 14.4551 -12.1995` },
    });
    expect(other.body).toEqual({ outcome: 'refused', reference: null, reply: `Refusé : Vous ne rapportez pas pour la patrouille ${code}.` });
    for (const who of ['lead.ml', 'analyst.ml', 'coord.sn']) {
      const answer = await demo.call('POST', '/api/v1/field/radio', { as: who, body: { senderUserId: await idOf('lead.ml'), text: 'AIDE' } });
      expect(answer.status, who).toBe(403);
    }
    const partner = await demo.call('POST', '/api/v1/field/radio', { as: 'coord.ml', body: { senderUserId: await idOf('coord.sn'), text: 'AIDE' } });
    expect(partner.status).toBe(422);
    expect(partner.body.code).toBe('ERR_NOT_A_FIELD_SENDER');
  });
});

describe('phones and gateways from the command line', () => {
  it('binds a phone to one user only and prints a gateway’s token once', async () => {
    expect(await cli('user', 'phone', '--data', demo.dir, '--username', 'lead.ml', '--phone', '00223 76 00 00 09')).toEqual({
      status: 0,
      out: 'Phone +22376000009 bound to lead.ml.\n',
      err: '',
    });
    const taken = await cli('user', 'phone', '--data', demo.dir, '--username', 'coord.ml', '--phone', '+22376000009');
    expect(taken.status).not.toBe(0);
    expect(taken.err).toContain('+22376000009');
    expect((await cli('user', 'phone', '--data', demo.dir, '--username', 'lead.ml', '--phone', 'abc')).status).not.toBe(0);
    const added = await cli('gateway', 'add', '--data', demo.dir, '--name', 'Orange ML');
    expect(added.status).toBe(0);
    const token = /\n(dgw_[A-Za-z0-9_-]{43})\n$/.exec(added.out)?.[1];
    expect(token).toBeDefined();
    expect((await cli('gateway', 'add', '--data', demo.dir, '--name', 'Orange ML')).status).not.toBe(0);
    const answer = await demo.app.inject({
      method: 'POST',
      url: '/api/v1/field/sms',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ id: 'cli-1', from: '+22376000009', text: 'AIDE TYPES' }),
    });
    expect(answer.json()).toEqual({ reply: 'Types : AFF EXPL IED CIV ENLEV MANIF EMEUTE ARREST PILL CONT PASS ORP BETAIL DEPL NOTE' });
    const stored = await demo.store.db.selectFrom('smsGateways').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});
