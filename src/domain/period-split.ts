/**
 * A period of the list's filters (`from` ≤ occurred_at ≤ `to`, compared as the stored ISO strings)
 * cut into what counts kept per month and per day can answer, and what they cannot: the first and
 * last day, where `from` and `to` may fall at any instant, are read from the incidents themselves.
 *
 * For any stored `occurred_at` string, it is in the period exactly when it is in one of the parts:
 * a `partial` range (`from` ≤ s, and s < `before` or s ≤ `to`), or its day in `wholeDays`. `months`
 * and `days` cut `wholeDays` again: whole months, and the days left before and after them.
 * Open ends are undefined. Pure string and calendar arithmetic (UTC days, as stored).
 */
export interface PeriodSplit {
  partial: { from?: string; before?: string; to?: string }[];
  /** Days counted whole, first and last included; null when there are none. */
  wholeDays: { first?: string; last?: string } | null;
  /** Whole months within `wholeDays` (`YYYY-MM`), first and last included; null when none. */
  months: { first?: string; last?: string } | null;
  /** The days of `wholeDays` outside `months`. */
  days: { first?: string; last?: string }[];
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

function shiftDay(day: string, by: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + by);
  return date.toISOString().slice(0, 10);
}

function shiftMonth(month: string, by: number): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + by);
  return date.toISOString().slice(0, 7);
}

/** The last day of the month `YYYY-MM`. */
function lastDayOf(month: string): string {
  return shiftDay(`${shiftMonth(month, 1)}-01`, -1);
}

/** Null when `from` or `to` does not start with a day: such a period is read from the incidents alone. */
export function splitPeriod(from: string | undefined, to: string | undefined): PeriodSplit | null {
  if ((from !== undefined && !DAY.test(from)) || (to !== undefined && !DAY.test(to))) return null;
  const nothing: PeriodSplit = { partial: [], wholeDays: null, months: null, days: [] };
  if (from !== undefined && to !== undefined && from > to) return nothing;
  const fromDay = from?.slice(0, 10);
  const toDay = to?.slice(0, 10);
  if (from !== undefined && to !== undefined && fromDay === toDay) {
    return { ...nothing, partial: [{ from, to }] };
  }
  const partial: PeriodSplit['partial'] = [];
  if (from !== undefined) partial.push({ from, before: shiftDay(fromDay!, 1) });
  if (to !== undefined) partial.push({ from: toDay, to });
  const first = fromDay === undefined ? undefined : shiftDay(fromDay, 1);
  const last = toDay === undefined ? undefined : shiftDay(toDay, -1);
  if (first !== undefined && last !== undefined && first > last) return { partial, wholeDays: null, months: null, days: [] };
  const wholeDays = { first, last };

  // Whole months: from the first month that starts on or after `first` to the last that ends on or before `last`.
  const firstMonth = first === undefined ? undefined : first.endsWith('-01') ? first.slice(0, 7) : shiftMonth(first.slice(0, 7), 1);
  const lastMonth = last === undefined ? undefined : last === lastDayOf(last.slice(0, 7)) ? last.slice(0, 7) : shiftMonth(last.slice(0, 7), -1);
  if (firstMonth !== undefined && lastMonth !== undefined && firstMonth > lastMonth) {
    return { partial, wholeDays, months: null, days: [{ first, last }] };
  }
  const days: PeriodSplit['days'] = [];
  if (first !== undefined && firstMonth !== undefined && first < `${firstMonth}-01`) days.push({ first, last: shiftDay(`${firstMonth}-01`, -1) });
  if (last !== undefined && lastMonth !== undefined && last > lastDayOf(lastMonth)) days.push({ first: shiftDay(lastDayOf(lastMonth), 1), last });
  return { partial, wholeDays, months: { first: firstMonth, last: lastMonth }, days };
}
