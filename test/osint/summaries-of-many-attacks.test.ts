import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

// A sentence summing up many attacks of past months is the story's background: it does not lead,
// however heavy its toll.
describe('a sentence summing up many attacks', async () => {
  const gazetteer = await loadGazetteer();
  it.each([
    ['Les militaires du poste de Sandaré ont été attaqués à plusieurs reprises ces derniers mois, et vingt soldats ont été tués dans la zone.', 'fr'],
    ['Soldiers in the Sandaré area have been attacked several times over the past few months, and twenty of them were killed.', 'en'],
  ] as const)('%s', (summary, lang) => {
    const event =
      lang === 'fr'
        ? 'Lundi, des hommes armés ont attaqué un convoi de commerçants à Diéma ; deux civils ont été blessés.'
        : 'On Monday, gunmen attacked a convoy of traders in Diéma, wounding two civilians.';
    const result = extract(
      { published: '2024-03-06', title: lang === 'fr' ? 'Insécurité : le point' : 'Security roundup', text: `${event}\n\n${summary}`, lang },
      gazetteer,
    );
    expect(result.events[0]).toMatchObject({ location: 'Diéma', date: '2024-03-04' });
  });
});
