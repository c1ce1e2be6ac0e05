import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/osint/resolve-dates.js';

/** « la semaine dernière », "last week" name some day of the week before: its month, not a day. */
describe('last week read as a span, not a day', () => {
  it.each([
    ['Des centaines de personnes auraient fui la semaine dernière.', '2024-11-13', 'fr', ['la semaine dernière=2024-11']],
    ['The toll of last week’s fighting near the camp rose to 47.', '2024-08-02', 'en', ['last week=2024-07']],
  ] as const)('%s', (text, published, language, expected) => {
    expect(resolveDates(text, published, language).map((d) => `${d.text.trim()}=${d.date}`)).toEqual(expected);
  });
});
