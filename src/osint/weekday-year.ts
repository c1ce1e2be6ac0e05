/**
 * The year of « mardi 21 janvier », "Monday, April 26": a page that gives no day of its own and
 * writes a date without its year still says which year by its weekday (a day and month fall on a
 * given weekday once in five to eleven years). Read on a given day, the latest such year not after
 * it is the page's: the day the node read the page stands in for the missing publication day. A
 * page that writes a year (« En mars 2019 déjà… ») tells a story no older than it, and news look
 * back on years just past: then the first fitting year from the latest one written is the page's.
 */
import { MONTHS, WEEKDAYS } from './calendar-words.js';
import { foldText } from './fold-text.js';

const WEEKDAY = Object.keys(WEEKDAYS).join('|');
const MONTH = Object.keys(MONTHS).join('|');
// « mardi 21 janvier », "Tuesday 21 January", "Monday, April 26"; not when a year follows.
const WEEKDAY_DATE = new RegExp(`\\b(${WEEKDAY}),? (?:(\\d{1,2})(?:er)? (${MONTH})|(${MONTH}) (\\d{1,2})(?:st|nd|rd|th)?)\\b(?!,? (?:de l'an )?\\d{4})`, 'g');
/** How many years back a weekday's year is looked for. */
const YEARS_BACK = 28;
const WRITTEN_YEAR = /\b(?:19[5-9]\d|20\d\d)\b/g;

/** The latest year `text` writes that is not after `last`, or null. */
function latestWrittenYear(text: string, last: number): number | null {
  const years = [...text.matchAll(WRITTEN_YEAR)].map((found) => Number(found[0])).filter((year) => year <= last);
  return years.length ? Math.max(...years) : null;
}

/**
 * The day (`YYYY-MM-DD`) of the first weekday date without a year in `text`, in the year where
 * that day and month fall on that weekday: the first from the latest year the text writes, else
 * the latest not after `readOn` (`YYYY-MM-DD`); null if none.
 */
export function weekdayDateYear(text: string, readOn: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(readOn);
  if (!match) return null;
  const limit = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const lastYear = Number(match[1]);
  const floor = latestWrittenYear(text, lastYear);
  // Typography puts no-break spaces between a weekday and its day.
  for (const found of foldText(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .matchAll(WEEKDAY_DATE)) {
    const weekday = WEEKDAYS[found[1]!]!;
    const day = Number(found[2] ?? found[5]);
    const month = MONTHS[found[3] ?? found[4]!]!;
    const fits = (year: number): string | null => {
      const at = Date.UTC(year, month - 1, day);
      // 31 February and its like roll into the next month: no such day.
      if (new Date(at).getUTCDate() !== day || at > limit || new Date(at).getUTCDay() !== weekday) return null;
      return new Date(at).toISOString().slice(0, 10);
    };
    // From the latest year the page writes, if any, forward; then back from the day of reading.
    for (let year = floor ?? lastYear + 1; year <= lastYear; year++) {
      const dated = fits(year);
      if (dated) return dated;
    }
    for (let year = lastYear; year > lastYear - YEARS_BACK; year--) {
      const dated = fits(year);
      if (dated) return dated;
    }
  }
  return null;
}
