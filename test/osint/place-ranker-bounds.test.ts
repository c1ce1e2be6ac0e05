import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';
import type { NewsModel } from '../../src/osint/model/news-model.js';

// A ranker that prefers every place over the one the rules chose: what it may still change is
// what the bounds allow.
const contrarian: NewsModel = {
  relevance: () => 0.99,
  kinds: () => new Map(),
  place: (features) => (features.includes('chosen') ? 0.1 : 0.9),
};

describe('the place ranker decides where the rules are unsure', () => {
  it('never widens a known place the event sentence names (the village, not its town)', async () => {
    const gazetteer = await loadGazetteer();
    const result = extract(
      {
        published: '2025-03-04',
        title: 'Une attaque meurtrière près de la frontière',
        text: 'Des hommes armés ont attaqué le village de Diboli le 3 mars 2025, tuant deux civils. La ville de Kayes a renforcé sa sécurité.',
        lang: 'fr',
      },
      gazetteer,
      contrarian,
    );
    expect(result.events[0]?.location).toBe('Diboli');
  });

  it('may still give a name the gazetteer lacks over a town the sentence names', async () => {
    const gazetteer = await loadGazetteer();
    const result = extract(
      {
        published: '2025-03-04',
        title: 'Attaque à Zorokoundabougou',
        text: 'Des hommes armés ont attaqué un poste près de Kayes le 3 mars 2025, tuant deux gendarmes. Zorokoundabougou est encore sous le choc.',
        lang: 'fr',
      },
      gazetteer,
      contrarian,
    );
    expect(result.events[0]?.location).toBe('Zorokoundabougou');
  });
});
