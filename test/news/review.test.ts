import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

let demo: DemoNode;

const raid = {
  published: '2026-11-25',
  title: 'Kidira : saisie de carburant de contrebande',
  text:
    'Kidira, 25 novembre 2026. La gendarmerie a arrêté mardi 24 novembre à Kidira trois passeurs qui convoyaient un camion de carburant de contrebande venu du Mali. ' +
    'Le camion a été saisi à la sortie du pont de la Falémé et les passeurs conduits à la brigade.',
  url: 'https://www.example-presse.sn/actualite/kidira-saisie?utm_source=rss',
};

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2026-11-29T12:00:00.000Z') });
});
afterAll(async () => demo.close());

describe('news review queue', () => {
  it('stores an article once and queues the events found in it', async () => {
    const first = await demo.call('POST', '/api/v1/news/articles', { as: 'analyst.ml', body: raid });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ duplicate: false, relevant: true });
    expect(first.body.candidates).toBeGreaterThan(0);
    const again = await demo.call('POST', '/api/v1/news/articles', {
      as: 'analyst.ml',
      body: { ...raid, url: 'https://example-presse.sn/actualite/kidira-saisie/' },
    });
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, articleId: first.body.articleId, candidates: 0 } });
    const queue = await demo.call('GET', '/api/v1/news/candidates?status=pending', { as: 'analyst.ml' });
    const mine = queue.body.filter((c: any) => c.articleId === first.body.articleId);
    expect(mine).toHaveLength(first.body.candidates);
    expect(mine[0].article).toMatchObject({ title: raid.title, url: 'https://example-presse.sn/actualite/kidira-saisie' });
    expect(mine[0].event.location).toBe('Kidira');
  });

  it('keeps candidates national: a partner’s liaison sees none', async () => {
    expect((await demo.call('GET', '/api/v1/news/candidates', { as: 'liaison.sn' })).body).toEqual([]);
  });

  it('turns an accepted candidate into an incident sourced to the article, then refuses a second review', async () => {
    const queue = await demo.call('GET', '/api/v1/news/candidates?status=pending', { as: 'analyst.ml' });
    const candidate = queue.body.find((c: any) => c.event.date === '2026-11-24');
    const accepted = await demo.call('POST', `/api/v1/news/candidates/${candidate.id}/accept`, {
      as: 'analyst.ml',
      body: { edits: { subEventType: 'Smuggling', eventType: 'Border activity' }, releasableTo: ['SN'] },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.candidate).toMatchObject({ status: 'accepted' });
    expect(accepted.body.incident).toMatchObject({
      owner: 'ML',
      releasableTo: ['SN'],
      eventType: 'Border activity',
      subEventType: 'Smuggling',
      source: { kind: 'article', reliability: 'C', credibility: 3 },
    });
    expect(accepted.body.incident.occurredAt.slice(0, 10)).toBe('2026-11-24');
    expect(accepted.body.candidate.incidentId).toBe(accepted.body.incident.id);
    const asPartner = await demo.call('GET', `/api/v1/incidents/${accepted.body.incident.id}`, { as: 'coord.sn' });
    expect(asPartner.status).toBe(200);

    const twice = await demo.call('POST', `/api/v1/news/candidates/${candidate.id}/reject`, { as: 'analyst.ml', body: {} });
    expect(twice).toMatchObject({ status: 409, body: { code: 'ERR_CANDIDATE_REVIEWED' } });
  });

  it('links a second report of the same event to the incident already recorded', async () => {
    const other = await demo.call('POST', '/api/v1/news/articles', {
      as: 'analyst.ml',
      body: {
        ...raid,
        url: 'https://autre-journal.ml/kidira',
        title: 'Contrebande de carburant à Kidira',
        text: `${raid.text} Le carburant venait du Mali selon la gendarmerie.`,
      },
    });
    expect(other.body.duplicate).toBe(false);
    const pending = (await demo.call('GET', '/api/v1/news/candidates?status=pending', { as: 'analyst.ml' })).body.filter(
      (c: any) => c.articleId === other.body.articleId,
    );
    const before = await demo.node.repos.incidents.count();
    const sameDay = pending.find((c: any) => c.event.date === '2026-11-24');
    const linked = await demo.call('POST', `/api/v1/news/candidates/${sameDay.id}/accept`, {
      as: 'analyst.ml',
      body: { edits: { subEventType: 'Smuggling', eventType: 'Border activity' } },
    });
    expect(linked.body.candidate.status).toBe('linked');
    expect(await demo.node.repos.incidents.count()).toBe(before);
  });

  it.each([
    ['a patrol leader reviewing', 'lead.ml', 'accept', {}, 403, 'ERR_FORBIDDEN_ROLE'],
    ['an unknown candidate', 'analyst.ml', 'accept', {}, 404, 'ERR_NOT_FOUND'],
    ['an edit with a bad date', 'analyst.ml', 'accept', { edits: { occurredAt: 'demain' } }, 400, 'ERR_VALIDATION'],
  ])('refuses %s', async (_name, as, verb, body, status, code) => {
    const pending = (await demo.call('GET', '/api/v1/news/candidates?status=pending', { as: 'analyst.ml' })).body;
    const id = code === 'ERR_NOT_FOUND' ? 'nope' : (pending[0]?.id ?? 'nope');
    const response = await demo.call('POST', `/api/v1/news/candidates/${id}/${verb}`, { as, body });
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });

  it('refuses an empty article and writes nothing', async () => {
    const response = await demo.call('POST', '/api/v1/news/articles', { as: 'analyst.ml', body: { published: null, title: '', text: '' } });
    expect(response.status).toBe(400);
    expect(response.body.field).toBe('text');
  });
});

describe('news feeds', () => {
  let server: Server;
  let base: string;
  let body = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/broken') {
        response.writeHead(500).end('oops');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads an RSS feed on the local network, storing each entry once', async () => {
    body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Presse</title>
      <item><title>Bakel : passage clandestin</title><link>https://presse.example/bakel</link><pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
        <description>&lt;p&gt;Bakel, 26 novembre. Une vingtaine de migrants ont été interpellés mercredi par la gendarmerie près de Bakel alors qu'ils franchissaient illégalement la frontière.&lt;/p&gt;</description></item>
      <item><title>Football : victoire du Jaraaf</title><link>https://presse.example/foot</link><pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate><description>Le Jaraaf a battu le Casa Sports deux buts à un.</description></item>
    </channel></rss>`;
    const { NewsService } = await import('../../src/services/news-service.js');
    const { IncidentService } = await import('../../src/services/incident-service.js');
    const { loadGazetteer } = await import('../../src/geo/gazetteer.js');
    const news = new NewsService(demo.node, new IncidentService(demo.node), () => loadGazetteer());
    const results = await news.ingestFeed(`${base}/feed`);
    expect(results).toHaveLength(2);
    expect(results.map((r) => r.relevant)).toEqual([true, false]);
    expect((await news.ingestFeed(`${base}/feed`)).every((r) => r.duplicate)).toBe(true);
    await expect(news.ingestFeed(`${base}/broken`)).rejects.toMatchObject({ code: 'ERR_FEED_UNREACHABLE' });
  });
});
