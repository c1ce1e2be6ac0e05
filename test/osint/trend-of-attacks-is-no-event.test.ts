import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

// A sentence telling how attacks rise, spread or recur over the years tells a trend, not one event: an analysis, a
// mining company's report or a summit's agenda built on it reports nothing to map.
describe('a sentence telling the trend of attacks', async () => {
  const gazetteer = await loadGazetteer();
  it.each([
    ['fr', 'Depuis le 3 janvier, les attaques contre le poste de gendarmerie de Diéma se multiplient.'],
    ['fr', 'La recrudescence des attaques jihadistes contre les postes militaires inquiète les habitants de Diéma.'],
    ['en', 'Since January 3, Diéma has seen a rise in attacks on its gendarmerie post.'],
    ['en', 'A spate of attacks on army posts around Nioro du Sahel has emptied the weekly markets.'],
    ['en', 'After attacks on gendarmerie posts around Diéma and Sandaré in recent years, Senegal has reinforced its border posts since 3 January.'],
    [
      'fr',
      'Les attaques contre les postes de gendarmerie de Diéma et de Sandaré ces dernières années ont poussé Dakar à renforcer sa frontière depuis le 3 janvier.',
    ],
  ] as const)('%s: %s', (lang, sentence) => {
    const result = extract(
      { published: '2024-03-06', title: lang === 'fr' ? 'Le point sur la région' : 'The region at a glance', text: sentence, lang },
      gazetteer,
      null,
    );
    expect(result.relevant).toBe(false);
  });

  it('leaves the event a report tells beside it', () => {
    const text =
      "Lundi, des hommes armés ont attaqué le poste de gendarmerie de Diéma ; deux gendarmes ont été tués.\n\nDans le cercle, les attaques contre les postes se multiplient depuis l'an dernier.";
    const result = extract({ published: '2024-03-06', title: 'Diéma : le poste de gendarmerie attaqué', text, lang: 'fr' }, gazetteer, null);
    expect(result.events[0]).toMatchObject({ location: 'Diéma', date: '2024-03-04', event_type: 'Battles' });
  });
});
