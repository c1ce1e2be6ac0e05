import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import {
  AXIS,
  Bench,
  CALLERS,
  COLUMNS,
  JOINT_UNITS,
  NEAR_DIBOLI,
  OUTCOMES,
  outcomeOf,
  WEB_UI_FILES,
  type Caller,
  type Outcome,
  type Send,
} from '../support/authorization-bench.js';
import { routeKey } from '../support/route-table.js';

// Issue 13: an authorization matrix generated from the route table. Every route the node's router
// answers has a row here; a row says, for each caller (the columns, see CALLERS), what the node
// must answer a minimal valid request: `ok` (2xx), `401` (not authenticated), `403` (refused),
// `404` (a record the caller's nation may not see). The expectations follow the rules of the code
// (`VERBS` and `SECONDED_VERBS` in src/domain/permissions.ts, `requireWritableHere` in
// src/domain/sovereignty.ts, the services), not what the node happened to answer.
//
// A route answered for HEAD as well as GET is checked for both with the GET row. A row's request
// builder (the second argument of `row`) gives the address with real ids and a valid body; a
// request that moves a record along its lifecycle makes a fresh record, so rows do not disturb
// each other. Adding a route: add its row below; the test names the routes without one.

interface Row {
  expect: string;
  send?: Send;
}

const row = (expect: string, send?: Send): Row => ({ expect, send });
const at =
  (url: string): Send =>
  () => ({ url });

// Columns:             anon | c.ml l.ml lead anal admn obsv | c.sn l.sn faux | node
const PUBLIC = 'ok   | ok   ok   ok   ok   ok   ok   | ok   ok   ok   | ok  ';
const ANY_USER = '401  | ok   ok   ok   ok   ok   ok   | ok   ok   ok   | 401 ';
const PARTNER_NODE = '401  | 401  401  401  401  401  401  | 401  401  401  | ok  ';
// SMS gateways hold a token of their own: no user's session and no partner node's signature is one
const SMS_GATEWAY = '401  | 401  401  401  401  401  401  | 401  401  401  | 401 ';
const ADMINISTRATOR = '401  | 403  403  403  403  ok   403  | 403  403  403  | 401 ';
// Writes: Mali's users by role (VERBS); Senegal's officers only what SECONDED_VERBS names
const WRITE_INCIDENT = '401  | ok   403  ok   ok   403  403  | 403  403  403  | 401 ';
const CREATE_PATROL = '401  | ok   ok   ok   403  403  403  | 403  403  403  | 401 ';
const PROPOSE = '401  | ok   ok   403  403  403  403  | ok   ok   403  | 401 ';
const APPROVE = '401  | ok   403  403  403  403  403  | ok   403  403  | 401 ';
const LEAD_PATROL = '401  | ok   403  ok   403  403  403  | 403  403  403  | 401 ';
const COORDINATOR = '401  | ok   403  403  403  403  403  | 403  403  403  | 401 ';
const NEWS_INGEST = '401  | ok   403  403  ok   ok   403  | 403  403  403  | 401 ';
const NEWS_REVIEW = '401  | ok   403  403  ok   403  403  | 403  403  403  | 401 ';
const RECOMPUTE = '401  | ok   403  403  ok   ok   403  | 403  403  403  | 401 ';
const CONFIGURE = '401  | ok   403  403  403  ok   403  | 403  403  403  | 401 ';
const ALERT_RULES = '401  | ok   403  403  ok   403  403  | 403  403  403  | 401 ';
const ACKNOWLEDGE = '401  | ok   ok   ok   ok   403  403  | ok   ok   403  | 401 ';
const WEBHOOKS = '401  | ok   403  403  403  ok   403  | ok   403  403  | 401 ';
const IMPORT = '401  | ok   403  403  ok   403  403  | 403  403  403  | 401 ';
// Mali's webhook: Senegal's coordinator manages its own nation's webhooks, and does not see Mali's
const MALI_WEBHOOK = '401  | ok   403  403  403  ok   403  | 404  403  403  | 401 ';

const SITREP_PERIOD = '/api/v1/sitrep?from=2026-11-01&to=2026-11-30';
const ROUTE_GPX = {
  contentType: 'application/gpx+xml',
  text: '<?xml version="1.0"?><gpx version="1.1" creator="matrice" xmlns="http://www.topografix.com/GPX/1/1"><rte><rtept lat="14.455" lon="-12.2"/><rtept lat="14.43" lon="-12.05"/></rte></gpx>',
};
const COT_PING = {
  contentType: 'application/xml',
  text: '<event version="2.0" uid="matrice" type="t-x-c-t" how="h-g-i-g-o" time="2026-11-20T10:00:00Z" start="2026-11-20T10:00:00Z" stale="2026-11-20T10:00:20Z"><point lat="0" lon="0" hae="0" ce="9999999" le="9999999"/></event>',
};
const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities';
const acledRow = (n: number) => ({
  contentType: 'text/csv',
  text: `${ACLED_HEADER}\nMTX${n},2024-03-02,2024,1,Battles,Armed clash,Milice,Mali,Kayes,Diboli,14.4551,-12.1995,1,Matrice,Accrochage,0\n`,
});
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
/** A window of its own for each request: a draft takes its units for its window. */
const recommendation = (b: Bench) => {
  const n = b.next();
  return { from: later(7 + 3 * n), to: later(9 + 3 * n), maxLengthKm: 120 };
};
const patrolIn =
  (status: Parameters<Bench['patrol']>[0], action: string): Send =>
  async (b) => ({ url: `/api/v1/patrols/${await b.patrol(status)}/${action}` });

/** The smallest PNG there is: one pixel. */
const PHOTO = {
  contentType: 'image/png',
  text: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
};
/** An observation of a joint patrol under way, noted by Mali's coordinator. */
const observed = async (b: Bench) => {
  const patrolId = await b.patrol('underway');
  const observation = (await b.expect2xx('POST', `/api/v1/patrols/${patrolId}/observations`, 'coord.ml', { at: b.recent(), text: 'Pirogue' })) as {
    id: string;
  };
  return { patrolId, observationId: observation.id };
};

const ROWS: Record<string, Row> = {
  // The node, sessions and the API document
  'GET /healthz': row(PUBLIC),
  'POST /api/v1/auth/login': row(PUBLIC, () => ({ body: { username: 'observer.ml', password: DEMO_PASSWORD } })),
  'POST /api/v1/auth/login/enrolment': row(PUBLIC, async (b) => ({ body: { username: await b.user('coordinator'), password: DEMO_PASSWORD } })),
  'POST /api/v1/auth/login/enrolment/confirm': row(PUBLIC, async (b) => ({ body: { ...(await b.enrolling()), password: DEMO_PASSWORD } })),
  'POST /api/v1/auth/logout': row(ANY_USER, async (b, caller) => ({ token: await b.session(caller) })),
  'GET /api/v1/me': row(ANY_USER),
  'GET /api/docs': row(PUBLIC),
  'GET /api/docs/': row(PUBLIC),
  'GET /api/docs/json': row(PUBLIC),
  'GET /api/docs/yaml': row(PUBLIC),
  'GET /api/docs/static/index.html': row(PUBLIC),
  'GET /api/docs/static/swagger-initializer.js': row(PUBLIC),
  'GET /api/docs/static/*': row(PUBLIC, at('/api/docs/static/swagger-ui.css')),
  // The web UI's files (a stand-in folder: the build names its files after their content)
  'GET /': row(PUBLIC),
  'GET /index.html': row(PUBLIC),
  'GET /assets/app-5e1f.js': row(PUBLIC),

  // Reference and geography: every user reads them
  'GET /api/v1/mechanism': row(ANY_USER),
  'GET /api/v1/taxonomy': row(ANY_USER),
  'GET /api/v1/borders': row(ANY_USER),
  'GET /api/v1/sections': row(ANY_USER),
  'GET /api/v1/axes': row(ANY_USER),
  'GET /api/v1/basemap': row(ANY_USER),
  'GET /api/v1/map/style.json': row(ANY_USER),
  'GET /api/v1/map/basemap/:z/:x/:y.mvt': row(ANY_USER, at('/api/v1/map/basemap/9/227/117.mvt')),
  'GET /api/v1/map/glyphs/:fontstack/:range.pbf': row(ANY_USER, at('/api/v1/map/glyphs/DejaVu%20Sans/0-255.pbf')),
  'GET /api/v1/places': row(ANY_USER, at('/api/v1/places?q=kayes')),
  'GET /api/v1/units': row(ANY_USER),
  'GET /api/v1/posts': row(ANY_USER),

  // Incidents: read by releasability; written by Mali's roles that record, never by a partner's officer
  'GET /api/v1/incidents': row(ANY_USER),
  'POST /api/v1/incidents': row(WRITE_INCIDENT, (b) => ({ body: b.incident() })),
  'GET /api/v1/incidents/:id': row(ANY_USER, at('/api/v1/incidents/demo-ml-0001')),
  'PATCH /api/v1/incidents/:id': row(WRITE_INCIDENT, () => ({
    url: '/api/v1/incidents/demo-ml-0001',
    body: { narrative: 'Relu par la matrice des autorisations.' },
  })),
  'GET /api/v1/incidents/:id/versions': row(ANY_USER, at('/api/v1/incidents/demo-ml-0001/versions')),
  'GET /api/v1/incidents/daily-counts': row(ANY_USER),
  'GET /api/v1/tiles/incidents/:z/:x/:y.mvt': row(ANY_USER, at('/api/v1/tiles/incidents/12/1909/1881.mvt')),
  'GET /api/v1/tiles/tracks/:z/:x/:y.mvt': row(ANY_USER, at('/api/v1/tiles/tracks/12/1909/1881.mvt')),

  // Patrols: Senegal's seconded officers propose and approve the joint patrols Senegal takes part in
  'GET /api/v1/patrols': row(ANY_USER),
  'POST /api/v1/patrols': row(CREATE_PATROL, (b) => ({
    body: { name: `Patrouille ${b.next()}`, kind: 'joint', unitIds: JOINT_UNITS, plannedStart: later(30), plannedEnd: later(31) },
  })),
  'GET /api/v1/patrols/:id': row(ANY_USER, at('/api/v1/patrols/demo-patrol-launch')),
  'PATCH /api/v1/patrols/:id': row(CREATE_PATROL, async (b) => ({
    url: `/api/v1/patrols/${await b.patrol('draft')}`,
    body: { name: `Patrouille ${b.next()}` },
  })),
  'POST /api/v1/patrols/:id/propose': row(PROPOSE, patrolIn('draft', 'propose')),
  'POST /api/v1/patrols/:id/approve': row(APPROVE, patrolIn('proposed', 'approve')),
  'POST /api/v1/patrols/:id/start': row(LEAD_PATROL, patrolIn('approved', 'start')),
  'POST /api/v1/patrols/:id/complete': row(LEAD_PATROL, patrolIn('underway', 'complete')),
  'POST /api/v1/patrols/:id/cancel': row(COORDINATOR, patrolIn('proposed', 'cancel')),
  'POST /api/v1/patrols/:id/positions': row(LEAD_PATROL, async (b) => ({
    url: `/api/v1/patrols/${await b.patrol('underway')}/positions`,
    body: { positions: [{ at: b.recent(), ...NEAR_DIBOLI }] },
  })),
  'POST /api/v1/patrols/:id/observations': row(LEAD_PATROL, async (b) => ({
    url: `/api/v1/patrols/${await b.patrol('underway')}/observations`,
    body: { at: b.recent(), text: 'Rien à signaler au pont de la Falémé.' },
  })),
  'GET /api/v1/patrols/:id/observations': row(ANY_USER, at('/api/v1/patrols/demo-patrol-launch/observations')),
  'PUT /api/v1/patrols/:id/debrief': row(LEAD_PATROL, () => ({
    url: '/api/v1/patrols/demo-patrol-launch/debrief',
    body: { text: 'Axe dégagé, aucun incident.' },
  })),
  'GET /api/v1/patrols/:id/track': row(ANY_USER, at('/api/v1/patrols/demo-patrol-launch/track')),
  'GET /api/v1/patrols/:id/route.gpx': row(ANY_USER, at('/api/v1/patrols/demo-patrol-launch/route.gpx')),
  'GET /api/v1/patrols/:id/track.gpx': row(ANY_USER, at('/api/v1/patrols/demo-patrol-launch/track.gpx')),
  'PUT /api/v1/patrols/:id/route.gpx': row(CREATE_PATROL, async (b) => ({ url: `/api/v1/patrols/${await b.patrol('draft')}/route.gpx`, file: ROUTE_GPX })),
  // Field reporting: each user reads their own patrols of the day; planners read who may lead one
  'GET /api/v1/field/patrols': row(ANY_USER),
  'GET /api/v1/field/reporters': row(CREATE_PATROL),
  // Field messages: gateways post SMS; Mali's coordinators type radio messages; administrators bind phones
  'POST /api/v1/field/sms': row(SMS_GATEWAY, (b) => ({ body: { id: `matrix-${b.next()}`, from: '+22376000001', text: 'AIDE' } })),
  'GET /api/v1/field/radio/senders': row(COORDINATOR),
  'POST /api/v1/field/radio': row(COORDINATOR, async (b) => ({
    body: { senderUserId: (await b.demo.node.repos.users.findByUsername('lead.ml'))!.id, text: 'AIDE' },
  })),
  'GET /api/v1/users': row(ADMINISTRATOR),
  'PUT /api/v1/users/:username/phone': row(ADMINISTRATOR, () => ({ url: '/api/v1/users/observer.ml/phone', body: { phone: '+22376999999' } })),
  // A photo is written as its observation (Mali's reporting roles) and read as its observation (the joint patrol's nations)
  'POST /api/v1/patrols/:id/observations/:observationId/photos': row(LEAD_PATROL, async (b) => {
    const { patrolId, observationId } = await observed(b);
    return { url: `/api/v1/patrols/${patrolId}/observations/${observationId}/photos`, file: PHOTO };
  }),
  'GET /api/v1/photos/:sha256': row(ANY_USER, async (b) => {
    const { patrolId, observationId } = await observed(b);
    const { sha256 } = (await b.expect2xxFile('POST', `/api/v1/patrols/${patrolId}/observations/${observationId}/photos`, PHOTO)) as { sha256: string };
    return { url: `/api/v1/photos/${sha256}` };
  }),

  // Exchange: exports follow releasability; imports bring in this nation's own history
  'GET /api/v1/exports/incidents.csv': row(ANY_USER),
  'GET /api/v1/exports/incidents.kml': row(ANY_USER),
  'GET /api/v1/exports/incidents.geojson': row(ANY_USER),
  'POST /api/v1/imports/acled': row(IMPORT, (b) => ({ url: '/api/v1/imports/acled?dryRun=true', file: acledRow(b.next()) })),
  'POST /api/v1/imports/gpx': row(CREATE_PATROL, () => ({ file: ROUTE_GPX })),

  // News monitoring: Mali's own; candidates are read as national records (a partner reads none)
  'POST /api/v1/news/articles': row(NEWS_INGEST, (b) => ({
    body: { published: '2026-11-20', title: `Bulletin ${b.next()}`, text: 'Marché hebdomadaire calme à Diboli.' },
  })),
  'GET /api/v1/news/candidates': row(ANY_USER),
  'POST /api/v1/news/candidates/:id/accept': row(NEWS_REVIEW, async (b) => ({
    url: `/api/v1/news/candidates/${await b.candidate()}/accept`,
    body: { edits: { eventType: 'Border activity', subEventType: 'Smuggling', location: NEAR_DIBOLI, occurredAt: '2026-11-24' } },
  })),
  'POST /api/v1/news/candidates/:id/reject': row(NEWS_REVIEW, async (b) => ({ url: `/api/v1/news/candidates/${await b.candidate()}/reject`, body: {} })),
  'GET /api/v1/news/sources': row(NEWS_INGEST),
  'POST /api/v1/news/sources': row(NEWS_INGEST, (b) => ({
    body: { kind: 'feed', location: `https://presse.example.ml/flux-${b.next()}.xml`, name: 'Presse de Kayes' },
  })),

  // Early warning: levels read per audience; overrides, settings and recomputes are Mali's
  'GET /api/v1/sections/levels': row(ANY_USER),
  'GET /api/v1/sections/:id/history': row(ANY_USER, at('/api/v1/sections/ML-SN-02/history')),
  'POST /api/v1/sections/:id/override': row(COORDINATOR, () => ({
    url: '/api/v1/sections/ML-SN-02/override',
    body: { level: 'high', reason: 'Matrice', expiresAt: later(1) },
  })),
  // Lifted early: each caller finds an override in place, set by Mali's coordinator.
  'DELETE /api/v1/sections/:id/override': row(COORDINATOR, async (b) => {
    await b.expect2xx('POST', '/api/v1/sections/ML-SN-03/override', 'coord.ml', { level: 'high', reason: 'Matrice', expiresAt: later(1) });
    return { url: '/api/v1/sections/ML-SN-03/override' };
  }),
  'POST /api/v1/sections/recompute': row(RECOMPUTE),
  'GET /api/v1/early-warning/settings': row(ANY_USER),
  'PUT /api/v1/early-warning/settings': row(CONFIGURE, (b) => ({ body: b.settings })),
  'GET /api/v1/coverage': row(ANY_USER),
  'POST /api/v1/recommendations': row(CREATE_PATROL, (b) => ({ body: recommendation(b) })),
  'POST /api/v1/recommendations/:n/draft': row(CREATE_PATROL, (b) => ({ url: '/api/v1/recommendations/1/draft', body: recommendation(b) })),

  // Alerts: each nation reads and acknowledges the alerts raised for it
  'GET /api/v1/alert-rules': row(ANY_USER),
  'POST /api/v1/alert-rules': row(ALERT_RULES, (b) => ({
    body: { id: `matrix-${b.next()}`, kind: 'incident-near', eventTypes: ['Battles'], target: { kind: 'axis', id: AXIS }, withinKm: 10, enabled: false },
  })),
  'PATCH /api/v1/alert-rules/:id': row(ALERT_RULES, (b) => ({ url: `/api/v1/alert-rules/${b.switchableRule}`, body: { enabled: false } })),
  'GET /api/v1/alerts': row(ANY_USER),
  'POST /api/v1/alerts/:id/ack': row(ACKNOWLEDGE, (b, caller) => ({ url: `/api/v1/alerts/${b.alerts[b.nationOf(caller)]}/ack` })),
  'GET /api/v1/alerts/:id/cap': row(ANY_USER, (b, caller) => ({ url: `/api/v1/alerts/${b.alerts[b.nationOf(caller)]}/cap` })),
  'GET /api/v1/cap.atom': row(ANY_USER),
  // The population's feed: Mali's own public alerts about its own records, for anyone
  'GET /api/v1/public/cap.atom': row(PUBLIC),
  'GET /api/v1/public/alerts/:id/cap': row(PUBLIC, (b) => ({ url: `/api/v1/public/alerts/${b.alerts.ML}/cap` })),
  'GET /api/v1/webhooks': row(WEBHOOKS),
  'POST /api/v1/webhooks': row(WEBHOOKS, (b) => ({ body: { url: `http://127.0.0.1:9/matrix-${b.next()}` } })),
  'PATCH /api/v1/webhooks/:id': row(MALI_WEBHOOK, (b) => ({ url: `/api/v1/webhooks/${b.maliWebhook}`, body: { enabled: true } })),
  'GET /api/v1/stream': row(ANY_USER, () => ({ stream: true })),
  // TAK: the caller's picture as CoT; a keep-alive stores nothing, whoever sends it
  'GET /api/v1/cot': row(ANY_USER),
  'POST /api/v1/cot': row(ANY_USER, () => ({ file: COT_PING })),
  'GET /api/v1/sitrep': row(ANY_USER, at(SITREP_PERIOD)),

  // Between nodes: signed requests of a partner node, never a user's token
  'GET /federation/v1/feed': row(PARTNER_NODE, at('/federation/v1/feed?after=0&limit=10')),
  'GET /federation/v1/anchors': row(PARTNER_NODE),
};

/** A row's expectations, one per caller; a malformed row is a mistake of the table. */
function expectations(route: string, text: string): Outcome[] {
  const cells = text.split(/[\s|]+/).filter(Boolean);
  const unknown = cells.filter((cell) => !(OUTCOMES as readonly string[]).includes(cell));
  if (cells.length !== CALLERS.length || unknown.length > 0) {
    throw new Error(
      `row for ${route}: ${cells.length} cells for ${CALLERS.length} callers${unknown.length ? `, unknown outcomes ${unknown.join(' ')}` : ''} (columns: ${COLUMNS})`,
    );
  }
  return cells as Outcome[];
}

/** The row that covers a route of the node: its own, or for HEAD the GET row of the same address. */
function rowKeyOf(method: string, url: string, routes: Set<string>): string {
  return method === 'HEAD' && routes.has(`GET ${url}`) ? `GET ${url}` : `${method} ${url}`;
}

let bench: Bench;

beforeAll(async () => {
  bench = await Bench.start();
});
afterAll(async () => bench?.close());

describe('the authorization matrix of the node’s routes', () => {
  it('has a row for every route the node answers, and every row names one', () => {
    const keys = new Set(bench.routes.map(routeKey));
    // The router's listing is read as text: every route Fastify reported must be found in it.
    expect(bench.reported.map(routeKey).filter((key) => !keys.has(key))).toEqual([]);
    expect(bench.routes.length).toBeGreaterThan(100);
    const missing = [...new Set(bench.routes.map((r) => rowKeyOf(r.method, r.url, keys)))].filter((key) => !(key in ROWS));
    const stale = Object.keys(ROWS).filter((key) => !keys.has(key));
    const malformed = Object.entries(ROWS).flatMap(([key, { expect: text }]) => {
      try {
        expectations(key, text);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    const problems = [
      ...missing.map((key) => `no row for ${key}; add one to ROWS:  '${key}': row('${COLUMNS}', send),  each column ok, 401, 403 or 404`),
      ...stale.map((key) => `row for ${key}, which the node does not answer: remove or rename it`),
      ...malformed,
    ];
    expect(problems, `ROWS of test/security/authorization-matrix.test.ts:\n${problems.join('\n')}`).toEqual([]);
  });

  it('finds every route but the API document’s own pages and the web UI’s files in the API document', async () => {
    const document = (await bench.demo.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const listed = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const undocumented = bench.routes
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && !WEB_UI_FILES.includes(r.url))
      .map(routeKey)
      .filter((key) => !listed.has(key));
    expect(undocumented).toEqual([]);
  });

  it('answers every caller of every route as its row says', { timeout: 300_000 }, async () => {
    const keys = new Set(bench.routes.map(routeKey));
    const mismatches: string[] = [];
    let cells = 0;
    const rows = new Set<string>();
    for (const route of bench.routes) {
      const key = rowKeyOf(route.method, route.url, keys);
      const found = ROWS[key];
      if (!found) continue; // named by the test above
      rows.add(key);
      const expected = expectations(key, found.expect);
      for (const [index, { name }] of CALLERS.entries()) {
        const caller = name as Caller;
        const cell = `${route.method} ${route.url} as ${caller}`;
        cells += 1;
        try {
          const request = (await found.send?.(bench, caller)) ?? {};
          const url = request.url ?? route.url;
          const answer = await bench.answer(caller, route.method, url, request);
          if (outcomeOf(answer.status) !== expected[index]) {
            mismatches.push(
              `${cell}: expected ${expected[index]}, got ${answer.status}${answer.code ? ` ${answer.code}` : ''}${url === route.url ? '' : ` (${url})`}`,
            );
          }
        } catch (error) {
          mismatches.push(`${cell}: not sent, ${(error as Error).message}`);
        }
      }
    }
    console.log(
      `authorization matrix: ${rows.size} rows over ${bench.routes.length} routes (method and address), ${CALLERS.length} callers, ${cells} cells, ${mismatches.length} differing`,
    );
    const hint = 'A 4xx other than 401, 403 and 404 means the row’s request is not a valid one: fix its request, not the expectation.';
    expect(mismatches, `${mismatches.length} cells differ from their rows (columns: ${COLUMNS}):\n${mismatches.join('\n')}\n${hint}`).toEqual([]);
  });
});
