import { describe, expect, it } from 'vitest';
import type { ExtractedEvent } from '../../src/osint/article.js';
import { deduplicateEvents, isSameEvent, textSimilarity } from '../../src/osint/deduplicate.js';

const event = (overrides: Partial<ExtractedEvent>): ExtractedEvent => ({
  date: '2025-02-20',
  date_precision: 'day',
  location: 'Diboli',
  country: 'ML',
  admin1: 'Kayes',
  lat: 14.4551,
  lon: -12.1995,
  event_type: 'Strategic developments',
  sub_event_type: 'Change to group/activity',
  actors: [],
  fatalities: null,
  evidence: 'Lancement des patrouilles conjointes à Diboli.',
  ...overrides,
});

describe('isSameEvent', () => {
  it.each([
    ['the same report in two languages', event({ evidence: 'Joint patrols were launched from Diboli.' }), true],
    ['a day apart', event({ date: '2025-02-21' }), true],
    ['two days apart', event({ date: '2025-02-22' }), false],
    ['across the border, 2 km away (Kidira)', event({ location: 'Kidira', lat: 14.4567, lon: -12.2166 }), true],
    ['60 km away', event({ lat: 14.9, lon: -12.45 }), false],
    ['another type', event({ event_type: 'Battles', sub_event_type: 'Armed clash' }), false],
    ['month precision with other words', event({ date: '2025-02', date_precision: 'month', evidence: 'Un marché a brûlé.' }), false],
    ['month precision with shared words', event({ date: '2025-02', date_precision: 'month', evidence: 'Les patrouilles conjointes lancées à Diboli.' }), true],
  ])('%s → %s', (_case, other, expected) => {
    expect(isSameEvent(event({}), other)).toBe(expected);
  });
});

describe('deduplicateEvents', () => {
  it('groups reports of one event from several articles and keeps the first', () => {
    const groups = deduplicateEvents([
      { articleId: 'a', event: event({}) },
      { articleId: 'b', event: event({ evidence: 'Joint patrols launched at Diboli.' }) },
      { articleId: 'c', event: event({ event_type: 'Battles', sub_event_type: 'Armed clash' }) },
    ]);
    expect(groups.map((g) => [g.report.articleId, g.duplicates.map((d) => d.articleId)])).toEqual([
      ['a', ['b']],
      ['c', []],
    ]);
  });

  it('never merges two events of the same article', () => {
    const groups = deduplicateEvents([
      { articleId: 'a', event: event({}) },
      { articleId: 'a', event: event({}) },
    ]);
    expect(groups).toHaveLength(2);
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same words and 0 for none in common', () => {
    expect(textSimilarity('patrouilles conjointes lancées', 'Patrouilles conjointes lancées')).toBe(1);
    expect(textSimilarity('patrouilles conjointes', 'marché incendié')).toBe(0);
  });
});
