/**
 * Dates typed and shown in the officer's language, whatever the browser's own: a French officer
 * reads and types 05/12/2026 for the 5th of December even in a browser set to American English
 * (where a native date field shows 12/05/2026). Values are local `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:mm`, as native date fields give them.
 */

export type DateKind = 'date' | 'datetime-local';
type Part = 'day' | 'month' | 'year';

/** The order of day, month and year in the locale, and the separator it writes between them. */
export function dateOrder(locale: string): { parts: Part[]; separator: string } {
  const sample = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(2026, 10, 30)),
  );
  const parts = sample.map((part) => part.type).filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
  const literal = sample.find((part) => part.type === 'literal')?.value.trim() || '/';
  return { parts: parts.length === 3 ? parts : ['day', 'month', 'year'], separator: literal };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** `2026-12-05T07:30` → `05/12/2026 07:30` in French; '' for ''. */
export function dateToText(value: string, kind: DateKind, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return '';
  const [, year, month, day, hour, minute] = match;
  const { parts, separator } = dateOrder(locale);
  const date = parts.map((part) => ({ day, month, year })[part]).join(separator);
  return kind === 'datetime-local' ? `${date} ${hour ?? '00'}:${minute ?? '00'}` : date;
}

/** What the officer sees as the pattern to follow: `jj/mm/aaaa hh:mm` in French. */
export function datePattern(kind: DateKind, locale: string, letters: Record<Part | 'hour' | 'minute', string>): string {
  const { parts, separator } = dateOrder(locale);
  const date = parts.map((part) => letters[part].repeat(part === 'year' ? 4 : 2)).join(separator);
  return kind === 'datetime-local' ? `${date} ${letters.hour.repeat(2)}:${letters.minute.repeat(2)}` : date;
}

/**
 * Reads what the officer typed in the locale's order (any separators; a missing time is midnight).
 * Undefined when it is not a real date: the 31st of a 30-day month, hour 25…
 */
export function textToDate(text: string, kind: DateKind, locale: string): string | undefined {
  const numbers = text.trim().match(/\d+/g);
  if (!numbers || numbers.length < 3) return undefined;
  const { parts } = dateOrder(locale);
  const found: Record<Part, number> = { day: 0, month: 0, year: 0 };
  for (const [index, part] of parts.entries()) found[part] = Number(numbers[index]);
  if (numbers[parts.indexOf('year')]!.length === 2) found.year += 2000;
  const [hour, minute] = [Number(numbers[3] ?? 0), Number(numbers[4] ?? 0)];
  if (kind === 'date' && numbers.length > 3) return undefined;
  if (numbers.length > 5 || hour > 23 || minute > 59) return undefined;
  const check = new Date(Date.UTC(found.year, found.month - 1, found.day));
  const real = found.year >= 1900 && found.year <= 2999 && check.getUTCMonth() === found.month - 1 && check.getUTCDate() === found.day;
  if (!real) return undefined;
  const day = `${pad(found.year, 4)}-${pad(found.month)}-${pad(found.day)}`;
  return kind === 'datetime-local' ? `${day}T${pad(hour)}:${pad(minute)}` : day;
}

/** A typed value that is not a date reaches the node as it is, marked, so that the node names the field. */
export const UNREADABLE = '?';
