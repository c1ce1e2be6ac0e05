import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import type { ExtractedEvent } from '../../src/osint/article.js';
import { closePlaces, samePlace, samePlaceName } from '../../src/osint/event-places-alike.js';
import { extract } from '../../src/osint/extract.js';

const at = (location: string | null, lat: number | null, lon: number | null): ExtractedEvent => ({
  date: null,
  date_precision: null,
  location,
  country: 'ML',
  admin1: null,
  lat,
  lon,
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  actors: [],
  fatalities: null,
  evidence: '',
});

describe('whether two events of an article happened at one place', () => {
  const tominian = at('Tominian', 13.29, -4.38);
  it.each([
    // [a, b, same place (25 km), close places (60 km), same name]
    [tominian, at('TOMINIAN', 13.29, -4.38), true, true, true],
    [tominian, at('Mandiakuy', 13.01, -4.42), false, true, false],
    [tominian, at('San', 13.3, -4.9), false, true, false],
    [tominian, at('Ségou', 13.45, -6.27), false, false, false],
    [tominian, at('Tominian', null, null), false, true, true],
    [at(null, null, null), tominian, true, true, false],
  ] as const)('%o and %o', (a, b, same, close, name) => {
    expect([samePlace(a, b), closePlaces(a, b), samePlaceName(a, b)]).toEqual([same, close, name]);
  });

  it('dates an event its page leaves undated by the day the text gives at the same place', async () => {
    const gazetteer = await loadGazetteer();
    const result = extract(
      {
        published: null,
        title: 'Tominian : deux humanitaires tués',
        text:
          'Meguetan INFOS\n· 🌍\n\n🔴 TOMINIAN | DEUX HUMANITAIRES ASSASSINÉS\n\nTriste nouvelle depuis la région de San. Les habitants sont sous le choc. ' +
          'Les activités des ONG sont suspendues.\n\nCe vendredi 25 juillet 2025, des éléments du JNIM ont mené une incursion dans la zone de Tominian et tué deux personnes.',
        lang: 'fr',
      },
      gazetteer,
    );
    expect(result.events.map((e) => e.date)).not.toContain(null);
    expect(result.events[0]?.date).toBe('2025-07-25');
  });
});
