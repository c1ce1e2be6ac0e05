import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { findPlaces } from '../../src/osint/find-places.js';
import { spellingVariants } from '../../src/osint/spelling-variants.js';

describe('spellingVariants', () => {
  it.each([
    ['Aguelhoc', 'aguelhok'],
    ['Tinzaouaten', 'tinzaouatene'],
    ['Djenné', 'jenne'],
    ['Tombouctou', 'tombuctou'],
    ['Kidall', 'kidal'],
    ['Toubacoro', 'toubakoro'],
    ['Missirah', 'missira'],
    ['Kolokani', 'colokani'],
    // « Tin » and « In » open Tamasheq names the gazetteer writes as two words.
    ['Tinzaouaten', 'tin zaouaten'],
    ['Intahaka', 'in tahaka'],
  ])('%s may be spelled %s', (name, variant) => {
    expect(spellingVariants(name)).toContain(variant);
  });

  it('changes one habit at a time and never gives the name back', () => {
    const variants = spellingVariants('Aguelhoc');
    expect(variants).not.toContain('aguelhoc');
    expect(variants).not.toContain('aguelhok e');
    expect(variants.every((v) => v.length >= 4)).toBe(true);
  });
});

describe('a place the press spells otherwise', async () => {
  const gazetteer = await loadGazetteer();

  it('is found under the gazetteer’s spelling, and keeps the text’s', () => {
    const [aguelhoc] = findPlaces('Des terroristes ont attaqué le camp de la MINUSMA à Aguelhoc dimanche.', gazetteer);
    expect(aguelhoc).toMatchObject({ name: 'Aguelhoc', place: { name: 'Aguelhok', country: 'ML' } });
  });

  it('is not guessed for a short name', () => {
    const [kara] = findPlaces('Des hommes armés ont attaqué Kaxa mardi.', gazetteer);
    expect(kara?.place ?? null).toBeNull();
  });
});
