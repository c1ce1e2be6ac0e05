import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

// A page that gives no publication day and tells its event « jeudi » or "on Thursday" reports
// news of the days before it: the rules hold the event concrete though the page cannot be dated.
describe('an undated page that tells its event on a weekday', async () => {
  const gazetteer = await loadGazetteer();
  const rulesAlone = (sentence: string, lang: 'fr' | 'en') =>
    extract(
      { published: null, title: lang === 'fr' ? 'Nord du Mali : nouvelle alerte' : 'Northern Mali: another alert', text: sentence, lang },
      gazetteer,
      null,
    );

  it.each([
    ['Des obus de mortier sont tombés jeudi soir sur le camp de Tessalit, sans faire de victimes.', 'fr'],
    ['Militants fired rockets at the army camp in Tessalit on Thursday, causing no casualties.', 'en'],
  ] as const)('%s', (sentence, lang) => {
    const result = rulesAlone(sentence, lang);
    expect(result.relevant).toBe(true);
    expect(result.events[0]).toMatchObject({ location: 'Tessalit', date: null, sub_event_type: 'Shelling/artillery/missile attack' });
  });

  it('without a weekday, an undated page tells no concrete event', () => {
    expect(rulesAlone('Des obus de mortier tombent souvent sur le camp de Tessalit, sans faire de victimes.', 'fr').relevant).toBe(false);
  });
});
