import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

describe('a headline naming the place of the event its body tells', () => {
  it('makes the event concrete when the body names only the region around it', async () => {
    const gazetteer = await loadGazetteer();
    const result = extract(
      {
        published: '2025-11-23',
        title: 'Three customs officers arrested over fuel smuggling in Kedougou',
        text:
          'Three customs officers have been arrested on suspicion of smuggling fuel in the Kédougou region, the local press reported on Sunday.\n\n' +
          'The region borders Mali and Guinea and draws thousands of informal miners.',
        lang: 'en',
      },
      gazetteer,
      null,
    );
    expect(result.relevant).toBe(true);
    expect(result.events[0]?.sub_event_type).toBe('Arrests');
  });
});
