import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { Article } from '../../src/osint/article.js';
import { extract } from '../../src/osint/extract.js';

interface Fixture extends Article {
  expect: {
    relevant: boolean;
    date?: string;
    event_type?: string;
    sub_event_type?: string;
    country?: string;
    location?: string;
    fatalities?: number;
  };
}

const folder = join(import.meta.dirname, '..', 'fixtures', 'news');
const fixtures = readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(join(folder, file), 'utf8')) as Fixture] as const);

describe('extract on our own news items', async () => {
  const gazetteer = await loadGazetteer();

  it.each(fixtures)('%s', (_file, fixture) => {
    const result = extract(fixture, gazetteer);
    expect(result.relevant).toBe(fixture.expect.relevant);
    if (!fixture.expect.relevant) {
      expect(result.events).toEqual([]);
      return;
    }
    const main = result.events[0]!;
    const { relevant: _relevant, ...fields } = fixture.expect;
    for (const [field, value] of Object.entries(fields)) expect(main[field as keyof typeof main], field).toEqual(value);
  });

  it('never takes an event from reader comments', () => {
    const [, fixture] = fixtures.find(([file]) => file === 'night-weekday-ambush.json')!;
    const result = extract(fixture, gazetteer);
    for (const event of result.events) expect(event.evidence).not.toMatch(/Sadiola/);
  });

  it('answers relevant:false for empty and non-text input', () => {
    expect(extract({ published: null, title: '', text: '' }, gazetteer)).toEqual({ relevant: false, language: 'other', events: [] });
    expect(extract({ published: '2024-01-01', title: '', text: '%%%% 1234 ////' }, gazetteer).relevant).toBe(false);
  });

  it('takes the launch at Diboli as the main event of a page with teasers and reader comments', () => {
    const [, fixture] = fixtures.find(([file]) => file === 'diboli-launch-page.json')!;
    const [main, ...others] = extract(fixture, gazetteer).events;
    expect(main).toMatchObject({ date: '2025-02-20', location: 'Diboli', country: 'ML', admin1: 'Kayes' });
    for (const event of others) expect(event.evidence).not.toMatch(/Kidira on a peur/);
  });
});
