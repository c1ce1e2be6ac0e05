import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { routeKey, routerRoutes, type NodeRoute } from '../support/route-table.js';

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

describe('reference data and the API document', () => {
  it('publishes an OpenAPI document with every route the router lists, and each one’s schemas', async () => {
    const doc = await demo.call('GET', '/api/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.body.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, operation })),
    );
    const documented = new Set(operations.map(({ key }) => key));
    const routes = routerRoutes(demo.app);
    const routed = new Set(routes.map(routeKey));
    // The document's own pages are not operations of the API; Fastify answers HEAD for every GET.
    const ownPages = (route: NodeRoute) => route.url === '/api/docs' || route.url.startsWith('/api/docs/');
    const heads = routes.filter((route) => route.method === 'HEAD' && !ownPages(route));
    const apiRoutes = routes.filter((route) => route.method !== 'HEAD' && !ownPages(route));
    expect(apiRoutes.length).toBeGreaterThan(50);
    expect(
      apiRoutes.map(routeKey).filter((key) => !documented.has(key)),
      'routes missing from the API document',
    ).toEqual([]);
    expect(
      [...documented].filter((key) => !routed.has(key)),
      'documented operations the node does not answer',
    ).toEqual([]);
    expect(
      heads.map((route) => `GET ${route.url}`).filter((key) => !routed.has(key)),
      'HEAD routes without their GET',
    ).toEqual([]);

    // Each operation says what it answers on success, with a schema unless it answers no content (204, or 304 for a copy still fresh).
    const unanswered = operations.filter(({ operation }) => {
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^[23]/.test(status));
      return (
        successes.length === 0 ||
        successes.some(
          ([status, response]: [string, any]) =>
            status !== '204' && status !== '304' && !Object.values(response.content ?? { none: {} }).every((media: any) => media.schema),
        )
      );
    });
    expect(
      unanswered.map(({ key }) => key),
      'operations without a documented success',
    ).toEqual([]);
    expect(doc.body.paths['/api/v1/incidents'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['occurredAt', 'location', 'eventType', 'subEventType']),
    );
  });

  it('serves borders, sections with stable ids and threat levels, axes and the basemap', async () => {
    const borders = await demo.call('GET', '/api/v1/borders', { as: 'observer.ml' });
    const mlsn = borders.body.features.find((f: any) => f.properties.id === 'ML-SN');
    expect(mlsn.properties.lengthKm).toBeGreaterThan(395);
    expect(mlsn.properties.lengthKm).toBeLessThan(415);
    const sections = await demo.call('GET', '/api/v1/sections', { as: 'observer.ml' });
    const ids = sections.body.features.map((f: any) => f.properties.id);
    expect(ids).toContain('ML-SN-01');
    expect(ids).toContain('ML-SN-17');
    // The level is early warning's, computed from the incidents at the time of the run: it must be
    // one of the four and agree with the section's own level history.
    const level = sections.body.features.find((f: any) => f.properties.id === 'ML-SN-02').properties.threatLevel;
    expect(['low', 'medium', 'high', 'critical']).toContain(level);
    expect((await demo.call('GET', '/api/v1/sections/ML-SN-02/history', { as: 'observer.ml' })).body.current.level).toBe(level);
    const axes = await demo.call('GET', '/api/v1/axes', { as: 'observer.ml' });
    expect(axes.body.features.map((f: any) => f.properties.name)).toContain('N1/RN1 Tambacounda–Kidira–Diboli–Kayes');
    const basemap = await demo.call('GET', '/api/v1/basemap', { as: 'observer.ml' });
    expect(basemap.body.features.map((f: any) => f.properties.nation)).toEqual(expect.arrayContaining(['ML', 'SN', 'MR']));
  });

  it('finds places without accents or case, within the mechanism’s nations', async () => {
    const places = await demo.call('GET', '/api/v1/places?q=selibabi', { as: 'observer.ml' });
    expect(places.body[0]).toMatchObject({ name: 'Sélibabi', country: 'MR' });
    const kayes = await demo.call('GET', '/api/v1/places?q=KAYES&limit=3', { as: 'observer.ml' });
    expect(kayes.body[0]).toMatchObject({ name: 'Kayes', country: 'ML', admin1: 'Kayes' });
    expect(kayes.body.length).toBeLessThanOrEqual(3);
    expect((await demo.call('GET', '/api/v1/places', { as: 'observer.ml' })).status).toBe(400);
  });

  it('shows the mechanism, the taxonomy, and units and posts by releasability', async () => {
    const mechanism = await demo.call('GET', '/api/v1/mechanism', { as: 'liaison.sn' });
    expect(mechanism.body).toMatchObject({ name: 'Mécanisme conjoint Mali–Sénégal (Kayes)', nations: ['ML', 'MR', 'SN'], agreement: { date: '2021-03' } });
    const taxonomy = await demo.call('GET', '/api/v1/taxonomy', { as: 'liaison.sn' });
    expect(taxonomy.body.eventTypes['Strategic developments']).toContain('Change to group/activity');
    const units = await demo.call('GET', '/api/v1/units', { as: 'liaison.sn' });
    expect(units.body.find((u: any) => u.callSign === 'GARSI-KID')).toMatchObject({ nation: 'SN', parentId: 'sn-zm4' });
    const posts = await demo.call('GET', '/api/v1/posts', { as: 'liaison.sn' });
    expect(posts.body.features.find((f: any) => f.properties.name === 'Poste frontière de Diboli').properties.section).toBe('ML-SN-02');
  });

  it('logs in and out with a token that stops working afterwards', async () => {
    const login = await demo.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'analyst.ml', password: DEMO_PASSWORD } });
    expect([login.headers['set-cookie']].flat().join('\n')).toMatch(/diboli_token=.*HttpOnly/);
    const { token } = login.json() as { token: string };
    const me = await demo.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `diboli_token=${token}` } });
    expect(me.json()).toMatchObject({ username: 'analyst.ml', nation: 'ML', role: 'analyst', nodeNation: 'ML' });
    await demo.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect((await demo.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('slows down password guessing', async () => {
    const attempts = [];
    for (let i = 0; i < 12; i++) {
      attempts.push(
        (await demo.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'coord.sn', password: `guess-${i}` } })).statusCode,
      );
    }
    expect(attempts.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(attempts.slice(10)).toEqual([429, 429]);
    const blocked = await demo.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'coord.sn', password: DEMO_PASSWORD } });
    expect(blocked.json()).toMatchObject({ code: 'ERR_TOO_MANY_ATTEMPTS' });
  });
});
