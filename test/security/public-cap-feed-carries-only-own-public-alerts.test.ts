import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/contracts/incident.js';
import { earlyWarningOf } from '../../src/services/early-warning-service.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { storeReceived } from '../../src/store/received-records.js';
import { battle, NEAR_DIBOLI } from '../early-warning/node-helpers.js';
import { capSchemaErrors } from '../support/cap-schema.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Finding of issue 14: the CAP documents and Atom feed "for the population" needed an officer's
// login. They are now also served without login, at /api/v1/public/…, carrying only what the host
// nation may tell anyone: its own audience's alerts of rules marked public whose cause is its own
// record — never an alert raised for a partner, nor one derived from a partner's record (released
// to Mali's officers, not to the public), nor a level computed from Mali's whole picture — and no
// internal detail (rule ids, user ids, dedup keys).

const NOW = '2027-03-01T12:00:00.000Z';
const RULES = [
  {
    id: 'regle-publique-n1',
    kind: 'incident-near',
    eventTypes: ['Battles'],
    target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' },
    withinKm: 20,
    public: true,
    releasableTo: ['SN'],
  },
  {
    id: 'regle-interne-n1',
    kind: 'incident-near',
    eventTypes: ['Battles'],
    target: { kind: 'axis', id: 'N1-RN1-TAMBACOUNDA-KAYES' },
    withinKm: 20,
    public: false,
  },
  { id: 'regle-publique-hausse', kind: 'level-rising', minLevel: 'medium', public: true, releasableTo: ['SN'] },
];

interface Message {
  id: string;
  msgType: string;
  audience: string;
  rule?: string;
  cause?: { id: string };
}

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
const textOf = (doc: ReturnType<typeof xml>, tag: string) => [...doc.getElementsByTagName(tag)].map((e) => e.textContent ?? '');
const hrefs = (doc: ReturnType<typeof xml>) =>
  [...doc.getElementsByTagName('link')].filter((l) => l.getAttribute('rel') === 'alternate').map((l) => l.getAttribute('href')!);

let demo: DemoNode;
let origin: string;
beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock(NOW) });
  origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
  for (const rule of RULES) expect((await demo.call('POST', '/api/v1/alert-rules', { as: 'coord.ml', body: rule })).status).toBe(201);
});
afterAll(async () => demo?.close());

/** Anonymous, over HTTP: what anyone reads. */
const anonymous = (path: string) => fetch(`${origin}${path}`);

async function publicFeed() {
  const answer = await anonymous('/api/v1/public/cap.atom');
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toContain('application/atom+xml');
  const text = await answer.text();
  return { text, doc: xml(text) };
}

describe('the CAP feed for the population', () => {
  it('answers without login, with the host nation’s own public alerts only, and nothing internal', async () => {
    const post = async (body: Record<string, unknown>) => (await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body })).body as { id: string };
    const national = await post(battle('2027-03-01T08:00:00Z', { releasableTo: [] }));
    const released = await post(battle('2027-03-01T09:00:00Z', { releasableTo: ['SN'] }));
    // Senegal's incident, as its node released it to Mali's node (what the puller stores and tells).
    const partner: Incident = {
      id: 'sn-received-1',
      owner: 'SN',
      releasableTo: ['ML'],
      version: 1,
      occurredAt: '2027-03-01T10:00:00.000Z',
      datePrecision: 'day',
      location: NEAR_DIBOLI,
      geoPrecision: 'exact',
      placeName: 'Kidira',
      eventType: 'Battles',
      subEventType: 'Armed clash',
      actors: [],
      fatalities: 4,
      injured: null,
      abducted: null,
      narrative: 'Accrochage signalé par le Sénégal',
      source: { kind: 'unit', name: null, reliability: 'B', credibility: 2 },
      status: 'confirmed',
      section: demo.node.sectionAt(NEAR_DIBOLI),
      createdAt: '2027-03-01T10:00:00.000Z',
      updatedAt: '2027-03-01T10:00:00.000Z',
      createdBy: null,
    };
    await demo.store.db.transaction().execute((trx) => storeReceived(trx, 'incident', partner));
    demo.node.events.emit('incident', { after: partner });
    await earlyWarningOf(demo.node).settled();

    const mali = (await demo.call('GET', '/api/v1/alerts?limit=1000', { as: 'coord.ml' })).body as Message[];
    const senegal = (await demo.call('GET', '/api/v1/alerts?limit=1000', { as: 'liaison.sn' })).body as Message[];
    const ownPublic = mali.filter((m) => m.rule === 'regle-publique-n1' && [national.id, released.id].includes(m.cause!.id));
    expect(ownPublic).toHaveLength(2);
    const fromPartner = mali.find((m) => m.rule === 'regle-publique-n1' && m.cause!.id === partner.id)!;
    const internal = mali.filter((m) => m.rule === 'regle-interne-n1');
    const rising = mali.filter((m) => m.rule === 'regle-publique-hausse');
    expect(fromPartner).toBeDefined();
    expect(internal.length).toBeGreaterThan(0);
    expect(rising.length).toBeGreaterThan(0);
    expect(senegal.length).toBeGreaterThan(0);

    const { text, doc } = await publicFeed();
    const entries = textOf(doc, 'id').filter((id) => id.startsWith('urn:cap:'));
    expect(entries.sort()).toEqual(ownPublic.map((m) => `urn:cap:${m.id}`).sort());
    for (const other of [fromPartner, ...internal, ...rising, ...senegal]) {
      expect(text).not.toContain(other.id);
      expect((await anonymous(`/api/v1/public/alerts/${other.id}/cap`)).status).toBe(404);
    }

    // Each entry links its document on the public route; each is valid CAP 1.2 and tells nothing internal.
    const me = (await demo.call('GET', '/api/v1/me', { as: 'coord.ml' })).body as { id?: string; userId?: string };
    const userId = me.id ?? me.userId!;
    const links = hrefs(doc);
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link).toMatch(new RegExp(`^${origin}/api/v1/public/alerts/[^/]+/cap$`));
      const answer = await fetch(link);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('application/cap+xml');
      expect(answer.headers.get('cache-control')).toContain('max-age');
      const document = await answer.text();
      expect(capSchemaErrors(document)).toEqual([]);
      expect(textOf(xml(document), 'scope')).toEqual(['Public']);
      for (const secret of [...RULES.map((r) => r.id), userId, 'regle', 'incident|', national.id, released.id]) expect(document).not.toContain(secret);
    }
    for (const secret of [...RULES.map((r) => r.id), userId, national.id, released.id, partner.id]) expect(text).not.toContain(secret);

    // The officers' routes still need a login.
    expect((await anonymous('/api/v1/cap.atom')).status).toBe(401);
    expect((await anonymous(`/api/v1/alerts/${ownPublic[0]!.id}/cap`)).status).toBe(401);
  });

  it('follows the alerts’ lifecycle at once: an Update and a Cancel of a public alert appear in it, a new alert too', async () => {
    await publicFeed();
    const incident = (
      await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: battle('2027-03-01T11:00:00Z', { releasableTo: [], fatalities: 0 }) })
    ).body as { id: string };
    await earlyWarningOf(demo.node).settled();
    const alert = ((await demo.call('GET', '/api/v1/alerts', { as: 'coord.ml' })).body as Message[]).find(
      (m) => m.rule === 'regle-publique-n1' && m.cause!.id === incident.id,
    )!;
    expect((await publicFeed()).text).toContain(`urn:cap:${alert.id}`);

    await demo.call('PATCH', `/api/v1/incidents/${incident.id}`, { as: 'coord.ml', body: { fatalities: 9 } });
    await demo.call('PATCH', `/api/v1/incidents/${incident.id}`, { as: 'coord.ml', body: { status: 'refuted' } });
    await earlyWarningOf(demo.node).settled();
    const { doc } = await publicFeed();
    const titles = textOf(doc, 'title');
    expect(titles.some((t) => t.startsWith('Mise à jour'))).toBe(true);
    expect(titles).toContain('Annulation d’une alerte');
    const documents = await Promise.all(hrefs(doc).map(async (href) => (await fetch(href)).text()));
    const cancel = documents.find((d) => d.includes('<msgType>Cancel</msgType>') && d.includes(`,${alert.id},`))!;
    expect(cancel).toBeDefined();
    expect(capSchemaErrors(cancel)).toEqual([]);
    expect(documents.filter((d) => d.includes('<msgType>Update</msgType>')).every((d) => capSchemaErrors(d).length === 0)).toBe(true);
  });

  it('refuses hostile ids with the catalogue’s answers, and stays public under an encoded address', async () => {
    for (const id of ['%00', 'x'.repeat(300), '..%2F..%2Fcap.atom', '%E2%80%AE']) {
      const answer = await anonymous(`/api/v1/public/alerts/${id}/cap`);
      expect(answer.status, id).toBeGreaterThanOrEqual(400);
      expect(answer.status, id).toBeLessThan(500);
      const body = (await answer.json()) as Record<string, unknown>;
      expect(
        Object.keys(body)
          .filter((k) => k !== 'field')
          .sort(),
      ).toEqual(['code', 'message']);
    }
    expect((await anonymous('/%61pi/v1/public/cap.atom')).status).toBe(200);
  });
});
