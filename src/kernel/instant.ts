/**
 * The one reading of dates and instants that come from outside (API bodies and queries, settings).
 * It accepts RFC 3339 as JavaScript can hold it: a real calendar day, hours 00–23, minutes and
 * seconds 00–59. A leap second (`23:59:60`) names a moment JavaScript's clock cannot represent,
 * so it is refused here rather than turning into an invalid Date further on.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= length;
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isDay(text: string): boolean {
  const parts = DATE.exec(text);
  return parts !== null && isCalendarDay(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

/** Milliseconds since the epoch of an RFC 3339 date-time, or undefined when it names no instant. */
export function instantOf(text: string): number | undefined {
  const parts = DATE_TIME.exec(text);
  if (!parts) return undefined;
  const [, year, month, day, hour, minute, second, , zone, zoneHours, zoneMinutes] = parts;
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  if (zone !== 'Z' && zone !== 'z' && (Number(zoneHours) > 23 || Number(zoneMinutes) > 59)) return undefined;
  const ms = Date.parse(text.toUpperCase());
  return Number.isFinite(ms) ? ms : undefined;
}

/** A date-time or a whole day (taken at 00:00 UTC), or undefined. */
export function instantOfDayOrTime(text: string): number | undefined {
  if (isDay(text)) return Date.parse(`${text}T00:00:00Z`);
  return instantOf(text);
}

/** The schema formats `date-time` and `date`, read as above wherever a schema is checked. */
export const DATE_FORMATS = {
  'date-time': (text: string) => instantOf(text) !== undefined,
  date: isDay,
} as const;
