import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';
import { isProse, leadSentences } from '../../src/osint/lead-sentences.js';
import { splitSentences } from '../../src/osint/split-sentences.js';

describe('the lead of an article', () => {
  it.each([
    ['Ninety young people were stopped at sea off Joal on Monday.', true],
    ['« Nous étions quatre-vingt-dix à bord », raconte un rescapé de Joal.', true],
    ['NEWS | REGIONS | THIES', false],
    ['Navy intercepts pirogue with 90 migrants off Joal', false],
    ['By our Mbour correspondent', false],
    ['Lire aussi :', false],
  ])('%s is prose: %s', (text, prose) => {
    expect(isProse(text)).toBe(prose);
  });

  it('skips the section line, the headline said again and the byline', () => {
    const text =
      'NEWS | REGIONS | THIES\n\nNavy intercepts pirogue with 90 migrants off Joal\n\nBy our Mbour correspondent\n\n' +
      'Ninety young people were stopped at sea off Joal on Monday. They were handed to the gendarmerie. The boat was towed ashore by fishermen. Its owner is sought.';
    const lead = leadSentences(splitSentences(text), 0);
    expect(lead.map((s) => s.text.split(' ')[0])).toEqual(['Ninety', 'They', 'The']);
  });

  it('dates the headline event by the first sentence of prose, not by the publication day', async () => {
    const gazetteer = await loadGazetteer();
    const result = extract(
      {
        published: '2025-05-09',
        title: 'Army drone strike destroys fuel truck near Boni, four militants killed',
        text:
          'HOME | POLITICS | SECURITY | SPORT\n\nSearch...   Subscribe\n\nSECURITY\n\n' +
          'Army drone strike destroys fuel truck near Boni, four militants killed\n\nBy our Mopti correspondent\n\n' +
          'A truck carrying fuel for an armed group was destroyed on Tuesday evening by a Malian drone near Boni, in the Douentza circle, the army said.\n\n' +
          'The general staff said four militants were killed.',
        lang: 'en',
      },
      gazetteer,
      null,
    );
    expect(result.events[0]).toMatchObject({ location: 'Boni', sub_event_type: 'Air/drone strike', date: '2025-05-06' });
  });
});
