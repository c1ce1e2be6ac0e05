import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

let demo: DemoNode;

beforeAll(async () => {
  demo = await startDemoNode({ clock: fixedClock('2026-11-29T12:00:00.000Z') });
});
afterAll(async () => demo.close());

describe('places across the border', () => {
  it('a news report of an attack in a neighbouring country is placed there, with its point', async () => {
    const posted = await demo.call('POST', '/api/v1/news/articles', {
      as: 'analyst.ml',
      body: {
        published: '2026-11-25',
        title: 'Burkina Faso : le camp militaire de Djibo attaqué',
        text:
          'Ouagadougou, 25 novembre 2026. Des hommes armés ont attaqué mardi 24 novembre le camp militaire de Djibo, dans le nord du Burkina Faso, ' +
          'a indiqué une source sécuritaire. Plusieurs soldats ont été tués lors de l’attaque.',
        url: 'https://www.example-presse.bf/securite/djibo-camp-attaque',
      },
    });
    expect(posted.status).toBe(201);
    const queue = await demo.call('GET', '/api/v1/news/candidates?status=pending', { as: 'analyst.ml' });
    const event = queue.body.find((c: any) => c.articleId === posted.body.articleId)?.event;
    expect(event).toMatchObject({ location: 'Djibo', country: 'BF' });
    expect(event.lat).toBeCloseTo(14.1, 1);
    expect(event.lon).toBeCloseTo(-1.63, 1);
  });

  it('the place search, which patrols and incidents are placed from, offers the nations’ places only', async () => {
    for (const query of ['q=Djibo', 'q=Djibo&country=BF', 'q=Bissau', 'q=Bissau&country=GW', 'q=Banjul&country=GM']) {
      const found = await demo.call('GET', `/api/v1/places?${query}`, { as: 'observer.ml' });
      expect(found.status, query).toBe(200);
      expect(
        found.body.filter((p: { country: string }) => !['ML', 'SN', 'MR'].includes(p.country)),
        query,
      ).toEqual([]);
    }
    const kayes = await demo.call('GET', '/api/v1/places?q=Kayes&limit=3', { as: 'observer.ml' });
    expect(kayes.body[0]).toMatchObject({ name: 'Kayes', country: 'ML' });
  });
});
