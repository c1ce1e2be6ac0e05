import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { CREDENTIAL_FORMAT } from '../../src/domain/secondment.js';
import { generateNodeKeys, parsePrivateKey } from '../../src/federation/node-keys.js';
import { signCredential } from '../../src/federation/secondment-signature.js';
import { Secret, TOTP } from 'otpauth';
import { AccountKeys } from '../../src/services/account-keys.js';
import { addUser } from '../../src/services/auth-service.js';
import { SecondFactors } from '../../src/services/second-factors.js';
import { OrganisationService } from '../../src/services/organisation-service.js';
import { PatrolService } from '../../src/services/patrol-service.js';
import { actorFor, attachCredential, issueSecondment, revokeSecondment } from '../../src/services/secondments.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { linkAll, removeFolder, startNode, type TestNode } from '../federation/nodes.js';

// Finding 7: an account of nation SN that Mali's administrator made on Mali's node approved a
// joint patrol as Senegal, and wrote national patrols, alert rules, overrides and settings, and
// listed Mali's news sources. Senegal acts on Mali's node only through credentials Senegal's node
// signed: coord.sn and liaison.sn of the demo hold such credentials; faux.sn, made by the host, none.

const recent = () => new Date(Date.now() - 3_600_000).toISOString();
const NEAR_DIBOLI = { lat: 14.452, lon: -12.19 };

describe('on the demo node of Mali', () => {
  let demo: DemoNode;
  let alertId: string;
  let draftId: string;

  beforeAll(async () => {
    demo = await startDemoNode();
    // Made by Mali's administrator, with Senegal's nation: no credential from Senegal's node.
    await addUser(demo.node, { username: 'faux.sn', nation: 'SN', role: 'coordinator', password: DEMO_PASSWORD });
    // An alert Senegal may read (released to it like its incident), and a joint draft to propose.
    const rule = await demo.call('POST', '/api/v1/alert-rules', {
      as: 'coord.ml',
      body: { id: 'n1', kind: 'incident-near', eventTypes: ['Battles'], target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' }, withinKm: 20, public: false },
    });
    expect(rule.status).toBe(201);
    const incident = await demo.call('POST', '/api/v1/incidents', {
      as: 'coord.ml',
      body: { occurredAt: recent(), location: NEAR_DIBOLI, eventType: 'Battles', subEventType: 'Armed clash', releasableTo: ['SN'] },
    });
    expect(incident.status).toBe(201);
    const alerts = await demo.call('GET', '/api/v1/alerts', { as: 'coord.sn' });
    alertId = alerts.body.find((a: { cause: { id: string } }) => a.cause.id === incident.body.id).id;
    const draft = await demo.call('POST', '/api/v1/patrols', {
      as: 'coord.ml',
      body: {
        name: 'Patrouille conjointe Kidira–Diboli',
        kind: 'joint',
        unitIds: ['ml-gtia-diboli', 'sn-garsi-kidira'],
        plannedStart: '2027-01-10T06:00:00Z',
        plannedEnd: '2027-01-10T18:00:00Z',
      },
    });
    expect(draft.status).toBe(201);
    draftId = draft.body.id;
  });
  afterAll(async () => demo?.close());

  const writes = () =>
    [
      [
        'a national patrol with Malian units',
        'POST',
        '/api/v1/patrols',
        {
          name: 'Patrouille malienne',
          kind: 'national',
          unitIds: ['ml-gtia-diboli'],
          plannedStart: '2027-01-11T06:00:00Z',
          plannedEnd: '2027-01-11T18:00:00Z',
        },
      ],
      [
        'an alert rule',
        'POST',
        '/api/v1/alert-rules',
        { id: 'sn-rule', kind: 'incident-near', eventTypes: ['Battles'], target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' }, withinKm: 5 },
      ],
      ['a section override', 'POST', '/api/v1/sections/ML-SN-02/override', { level: 'critical', reason: 'test', expiresAt: '2030-01-01T00:00:00Z' }],
      ['the early-warning settings', 'PUT', '/api/v1/early-warning/settings', undefined],
      ['the list of Mali’s news sources', 'GET', '/api/v1/news/sources', undefined],
      ['a webhook', 'POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook' }],
    ] as const;

  async function attempt(as: string, method: 'GET' | 'POST' | 'PUT', url: string, body: unknown) {
    const payload = body ?? (method === 'PUT' ? (await demo.call('GET', url, { as: 'coord.ml' })).body : undefined);
    return demo.call(method, url, { as, body: payload });
  }

  it('refuses a host-made Senegalese account’s approval: the patrol stays waiting for Senegal', async () => {
    const before = await demo.call('GET', '/api/v1/patrols/demo-patrol-december', { as: 'coord.ml' });
    expect(before.body).toMatchObject({ status: 'proposed', pendingApprovals: ['SN'] });
    const approval = await demo.call('POST', '/api/v1/patrols/demo-patrol-december/approve', { as: 'faux.sn' });
    expect(approval).toMatchObject({ status: 403, body: { code: 'ERR_NO_SECONDMENT' } });
    const after = await demo.call('GET', '/api/v1/patrols/demo-patrol-december', { as: 'coord.ml' });
    expect(after.body).toEqual(before.body);
  });

  it('refuses every write of the host-made account, and its listing of Mali’s news sources', async () => {
    for (const [what, method, url, body] of writes()) {
      const answer = await attempt('faux.sn', method, url, body);
      expect([what, answer.status, answer.body.code]).toEqual([what, 403, 'ERR_NO_SECONDMENT']);
    }
    expect(await demo.call('POST', `/api/v1/alerts/${alertId}/ack`, { as: 'faux.sn' })).toMatchObject({ status: 403, body: { code: 'ERR_NO_SECONDMENT' } });
    expect(await demo.call('POST', `/api/v1/patrols/${draftId}/propose`, { as: 'faux.sn' })).toMatchObject({
      status: 403,
      body: { code: 'ERR_NO_SECONDMENT' },
    });
    expect((await demo.call('GET', '/api/v1/alert-rules', { as: 'coord.ml' })).body.map((r: { rule: { id: string } }) => r.rule.id)).toEqual(['n1']);
  });

  it('lets the host-made account read what is released to Senegal, and nothing more', async () => {
    const own = await demo.call('GET', '/api/v1/incidents', { as: 'faux.sn' });
    const seconded = await demo.call('GET', '/api/v1/incidents', { as: 'coord.sn' });
    expect(own.status).toBe(200);
    expect(own.body.features.map((f: { id: string }) => f.id).sort()).toEqual(seconded.body.features.map((f: { id: string }) => f.id).sort());
    expect(
      own.body.features.every(
        (f: { properties: { owner: string; releasableTo: string[] } }) => f.properties.owner === 'SN' || f.properties.releasableTo.includes('SN'),
      ),
    ).toBe(true);
  });

  it('lets a seconded officer only propose and approve its nation’s joint patrols, acknowledge alerts and name its nation’s webhooks', async () => {
    for (const [what, method, url, body] of writes()) {
      if (what === 'a webhook') continue;
      const answer = await attempt('coord.sn', method, url, body);
      expect([what, answer.status, answer.body.code]).toEqual([what, 403, 'ERR_OUTSIDE_SECONDMENT']);
    }
    // Senegal's own address, for what this node raises for Senegal: a coordinator's secondment allows it.
    const hook = await demo.call('POST', '/api/v1/webhooks', { as: 'coord.sn', body: { url: 'https://93.184.215.14/alertes-sn' } });
    expect(hook).toMatchObject({ status: 201, body: { nation: 'SN' } });
    expect(await demo.call('POST', '/api/v1/webhooks', { as: 'liaison.sn', body: { url: 'https://93.184.215.14/alertes-sn-2' } })).toMatchObject({
      status: 403,
    });
    expect((await demo.call('POST', `/api/v1/alerts/${alertId}/ack`, { as: 'liaison.sn' })).status).toBe(200);
    expect((await demo.call('POST', `/api/v1/patrols/${draftId}/propose`, { as: 'liaison.sn' })).body.status).toBe('proposed');
    // A liaison does not approve, seconded or not.
    expect(await demo.call('POST', `/api/v1/patrols/${draftId}/approve`, { as: 'liaison.sn' })).toMatchObject({
      status: 403,
      body: { code: 'ERR_FORBIDDEN_ROLE' },
    });
  });

  it('counts a credentialed coordinator’s approval as Senegal’s, and the audit names the credential', async () => {
    const approval = await demo.call('POST', '/api/v1/patrols/demo-patrol-december/approve', { as: 'coord.sn' });
    expect(approval.body).toMatchObject({ status: 'approved', pendingApprovals: [] });
    expect(approval.body.approvals.map((a: { nation: string }) => a.nation)).toEqual(['ML', 'SN']);
    const written = (await demo.node.repos.audit.recent(50)).find((e) => e.action === 'record.write' && e.detail.id === 'demo-patrol-december');
    expect(written?.detail).toMatchObject({ secondment: 'demo-secondment-coord.sn', version: approval.body.version });
  });

  it('never honours a credential the host signed itself, even written straight into its database', async () => {
    const faux = (await demo.node.repos.users.findByUsername('faux.sn'))!;
    const hostKey = (await demo.node.repos.keys.keys())!;
    const forged = signCredential(
      {
        format: CREDENTIAL_FORMAT,
        id: 'forged',
        mechanism: demo.node.mechanism.id,
        issuer: 'SN',
        host: 'ML',
        username: 'faux.sn',
        role: 'coordinator',
        issuedAt: recent(),
        expiresAt: '2030-01-01T00:00:00.000Z',
      },
      parsePrivateKey(hostKey.privateKey),
    );
    await expect(attachCredential(demo.node, faux, forged)).rejects.toMatchObject({ code: 'ERR_BAD_CREDENTIAL' });
    await demo.node.repos.secondments.hold({
      userId: faux.id,
      credentialId: forged.id,
      issuer: 'SN',
      role: 'coordinator',
      expiresAt: forged.expiresAt,
      credential: JSON.stringify(forged),
      addedAt: recent(),
    });
    expect((await actorFor(demo.node, faux)).secondment).toBeUndefined();
    expect(await demo.call('POST', `/api/v1/patrols/${draftId}/approve`, { as: 'faux.sn' })).toMatchObject({
      status: 403,
      body: { code: 'ERR_NO_SECONDMENT' },
    });
    // A key that is not Senegal's registered one fares no better.
    const stranger = generateNodeKeys();
    const other = signCredential({ ...forged, id: 'stranger' }, parsePrivateKey(stranger.privateKey));
    await expect(attachCredential(demo.node, faux, other)).rejects.toMatchObject({ code: 'ERR_BAD_CREDENTIAL' });
  });
});

describe('between the real nodes of Mali and Senegal', () => {
  let ml: TestNode;
  let sn: TestNode;
  const password = 'une longue phrase secrète';

  beforeAll(async () => {
    [ml, sn] = await Promise.all([startNode('ML'), startNode('SN')]);
    await linkAll([ml, sn]);
    const at = '2026-01-05T09:00:00.000Z';
    await new OrganisationService(ml.node).addUnit(
      { id: 'ml-unit', owner: 'ML', releasableTo: ['SN'], nation: 'ML', name: 'GTIA Diboli', callSign: 'DIB-1', parentId: null },
      at,
    );
    await new OrganisationService(sn.node).addUnit(
      { id: 'sn-unit', owner: 'SN', releasableTo: ['ML'], nation: 'SN', name: 'Escadron Kidira', callSign: 'KID-1', parentId: null },
      at,
    );
    await pull(ml, sn);
  });
  afterAll(async () => {
    for (const n of [ml, sn]) {
      if (!n) continue;
      await n.close();
      removeFolder(n.dataDir);
    }
  });

  async function pull(into: TestNode, from: TestNode) {
    return into.puller.pullOnce((await into.node.repos.peers.byNation(from.nation))!);
  }

  async function proposedJointPatrol(name: string) {
    const patrols = new PatrolService(ml.node);
    const created = await patrols.create(ml.coordinator, {
      name,
      kind: 'joint',
      unitIds: ['ml-unit', 'sn-unit'],
      plannedStart: '2027-02-01T06:00:00.000Z',
      plannedEnd: '2027-02-01T18:00:00.000Z',
    });
    await patrols.act(ml.coordinator, created.id, 'propose');
    return patrols.act(ml.coordinator, created.id, 'approve');
  }

  async function approveOnMali(token: string, id: string) {
    const answer = await fetch(`${ml.url}/api/v1/patrols/${id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    return { status: answer.status, body: (await answer.json()) as { code?: string; status?: string; approvals?: { nation: string }[] } };
  }

  it('honours a credential Senegal’s node issued, until Senegal revokes it', async () => {
    const credential = await issueSecondment(sn.node, { username: 'awa.sn', role: 'coordinator', host: 'ML', days: 30 });
    const user = await addUser(ml.node, { username: 'awa.sn', nation: 'SN', role: 'coordinator', password });
    await attachCredential(ml.node, user, credential);
    // A seconded coordinator logs in on the host with a second factor, like the host's own.
    const secret = 'AWASNSECONDEDCOORDINATORKAYES234';
    await new SecondFactors(ml.node, AccountKeys.inDataFolder(ml.dataDir)).enrolWithSecret(user, secret);
    const code = TOTP.generate({ secret: Secret.fromBase32(secret) });
    const login = await fetch(`${ml.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'awa.sn', password, code }),
    });
    const { token } = (await login.json()) as { token: string };

    const first = await proposedJointPatrol('Patrouille RN1');
    const approved = await approveOnMali(token, first.id);
    expect(approved.body.status).toBe('approved');
    await pull(sn, ml);
    const copy = await sn.node.repos.patrols.findVisible(first.id, 'SN');
    expect(copy?.approvals.map((a) => a.nation)).toEqual(['ML', 'SN']);

    // Senegal revokes on its own node; Mali learns it from Senegal's feed.
    await revokeSecondment(sn.node, credential.id);
    await pull(ml, sn);
    const second = await proposedJointPatrol('Patrouille RN1 bis');
    expect(await approveOnMali(token, second.id)).toMatchObject({ status: 403, body: { code: 'ERR_NO_SECONDMENT' } });
    expect((await ml.node.repos.patrols.findVisible(second.id, 'ML'))?.status).toBe('proposed');
  });

  it('stops honouring a credential once it expires', async () => {
    const credential = await issueSecondment(sn.node, { username: 'moussa.sn', role: 'liaison', host: 'ML', days: 1 });
    const user = await addUser(ml.node, { username: 'moussa.sn', nation: 'SN', role: 'liaison', password });
    await attachCredential(ml.node, user, credential);
    expect((await actorFor(ml.node, user)).secondment?.id).toBe(credential.id);
    const later = fixedClock(new Date(Date.now() + 2 * 86_400_000).toISOString());
    expect((await actorFor({ ...ml.node, clock: later }, user)).secondment).toBeUndefined();
  });

  it('refuses a credential altered on the way, or made out for another node or account', async () => {
    const credential = await issueSecondment(sn.node, { username: 'binta.sn', role: 'liaison', host: 'ML' });
    const user = await addUser(ml.node, { username: 'binta.sn', nation: 'SN', role: 'coordinator', password });
    await expect(attachCredential(ml.node, user, { ...credential, role: 'coordinator' })).rejects.toMatchObject({ code: 'ERR_BAD_CREDENTIAL' });
    await expect(attachCredential(ml.node, user, credential)).rejects.toMatchObject({ code: 'ERR_BAD_CREDENTIAL' });
    const forMauritania = await issueSecondment(sn.node, { username: 'binta.sn', role: 'coordinator', host: 'MR' });
    await expect(attachCredential(ml.node, user, forMauritania)).rejects.toMatchObject({ code: 'ERR_BAD_CREDENTIAL' });
    expect((await actorFor(ml.node, user)).secondment).toBeUndefined();
  });
});
