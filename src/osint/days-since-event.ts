/**
 * Days from an event's date to a later day (the publication's). A date of month or year precision
 * counts from near its end (the 28th, 31 December): an event dated "March" is at most a few days
 * old in an article of early April, and an old one is old whichever of its days it fell on.
 */
import { DAY_MS } from '../kernel/durations.js';
import { parseIsoDay } from './resolve-dates.js';

/** Days from `eventDate` (YYYY, YYYY-MM or YYYY-MM-DD) to `day` (YYYY-MM-DD); 0 when either is unreadable. */
export function daysSinceEvent(eventDate: string, day: string): number {
  const from = parseIsoDay(eventDate.length === 4 ? `${eventDate}-12-31` : eventDate.length === 7 ? `${eventDate}-28` : eventDate);
  const to = parseIsoDay(day);
  if (!from || !to) return 0;
  return (Date.UTC(to.y, to.m - 1, to.d) - Date.UTC(from.y, from.m - 1, from.d)) / DAY_MS;
}

/** Whether an event dated to the day fell at most `days` days before `day` (a look back at it may still be its report). */
export function ofLastDays(eventDate: string | null, day: string | null, days = 2): boolean {
  return eventDate?.length === 10 && day !== null && daysSinceEvent(eventDate, day) <= days;
}
