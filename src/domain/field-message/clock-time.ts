import { MINUTE_MS } from '../../kernel/durations.js';

/**
 * The hour of a field message (`0930`, `09:30`, `9h30`, or `0930Z` for UTC), read in the
 * mechanism's time zone on the day the message was received.
 */
const HOUR = /^([01]?\d|2[0-3])[:hH]?([0-5]\d)([zZ]?)$/;

/** A phone's clock may run a little ahead of the node's: an hour this far ahead is still "now". */
export const FUTURE_TOLERANCE_MS = 5 * MINUTE_MS;

export interface ClockTime {
  hours: number;
  minutes: number;
  utc: boolean;
}

export function readClockTime(token: string | undefined): ClockTime | undefined {
  const parts = token === undefined ? null : HOUR.exec(token);
  if (!parts) return undefined;
  return { hours: Number(parts[1]), minutes: Number(parts[2]), utc: parts[3] !== '' };
}

/** Whether a token looks like an hour someone meant to write: four digits, or with h or a colon (`150` is a number, not 01:50). */
export function looksLikeClockTime(token: string | undefined): boolean {
  return token !== undefined && /^(?:\d{2}[:hH]?\d{2}|\d[:hH]\d{2})[zZ]?$/.test(token);
}

/** Wall-clock fields of an instant in a time zone. */
function wallClock(ms: number, timeZone: string): { year: number; month: number; day: number; hours: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: field('year'), month: field('month'), day: field('day'), hours: field('hour'), minutes: field('minute') };
}

/** The zone's offset from UTC at an instant, in milliseconds (whole minutes). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hours, w.minutes);
  return asUtc - Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** The instant of `time` on the day (in `timeZone`) of `receivedMs`. */
export function instantOnDayOf(time: ClockTime, receivedMs: number, timeZone: string): number {
  const zone = time.utc ? 'UTC' : timeZone;
  const day = wallClock(receivedMs, zone);
  const wall = Date.UTC(day.year, day.month - 1, day.day, time.hours, time.minutes);
  // Two passes settle the offset on either side of a change of summer time.
  const first = wall - offsetAt(wall, zone);
  return wall - offsetAt(first, zone);
}

/** `HH:MM` of an instant in the zone, as replies quote it. */
export function clockTextOf(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${String(w.hours).padStart(2, '0')}:${String(w.minutes).padStart(2, '0')}`;
}

/** Whether a zone name is one this runtime knows (the configuration is checked with it). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
