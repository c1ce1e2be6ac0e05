import { describe, expect, it } from 'vitest';
import { foldName, loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';
import { findPlaces } from '../../src/osint/find-places.js';

// An article posted to the review queue, or read from a news source an outsider controls, must
// not hold the node: 20 kB of ambiguous place names repeated ("à Koussane et à Moussala et à
// Kéniéba, …") took the extractor a minute and a half, blocking every request meanwhile, because
// each mention's every reading was compared with every other mention's places.

describe('a hostile article is read in bounded work', async () => {
  const gazetteer = await loadGazetteer();

  it('places every mention of names repeated a thousand times, each name the same way', () => {
    const text = 'à Koussane et à Moussala et à Kéniéba, '.repeat(1000);
    const mentions = findPlaces(text, gazetteer);
    expect(mentions).toHaveLength(3000);
    const chosen = new Map<string, Set<number | null>>();
    for (const m of mentions) {
      const key = foldName(m.name);
      chosen.set(key, (chosen.get(key) ?? new Set()).add(m.place?.id ?? null));
    }
    expect([...chosen.keys()].sort()).toEqual(['kenieba', 'koussane', 'moussala']);
    for (const ids of chosen.values()) expect(ids.size).toBe(1);
  });

  it('reads at most 200 distinct place names of a text that lists more', () => {
    const villages = ['ba', 'da', 'di', 'ka', 'ko', 'ma', 'ni', 'sa', 'so', 'ta', 'to']
      .flatMap((prefix) => gazetteer.search(prefix, { limit: 500 }))
      .filter((p) => p.featureClass === 'P' && /^\p{Lu}\p{Ll}+$/u.test(p.name));
    const distinct = [...new Map(villages.map((p) => [foldName(p.name), p.name])).values()].slice(0, 400);
    expect(distinct.length).toBeGreaterThan(250);
    const mentions = findPlaces(distinct.map((name) => `près de ${name}`).join(', '), gazetteer);
    const read = new Set(mentions.map((m) => foldName(m.name)));
    expect(read.size).toBeGreaterThan(150);
    expect(read.size).toBeLessThanOrEqual(200);
  });

  it('still extracts the event of an article padded with 60 kB of names', () => {
    const article = {
      published: '2025-03-14',
      title: 'Attaque à Diboli',
      text: `Des hommes armés ont attaqué mercredi le poste de gendarmerie de Diboli, tuant deux gendarmes.\n\n${'à Koussane et à Moussala et à Kéniéba, '.repeat(1500)}`,
    };
    const [main] = extract(article, gazetteer).events;
    expect(main).toMatchObject({ location: 'Diboli', country: 'ML' });
  });
});
