/**
 * A period of the list's filters (`from` ≤ occurred_at ≤ `to`, compared as the stored ISO strings)
 * cut into what counts kept per year, month, week and day can answer, and what they cannot: the first and
 * last day, where `from` and `to` may fall at any instant, are read from the incidents themselves.
 *
 * For any stored `occurred_at` string, it is in the period exactly when it is in one of the parts:
 * a `partial` range (`from` ≤ s, and s < `before` or s ≤ `to`), or its day in `wholeDays`. `years`,
 * `months`, `weeks` and `days` cut `wholeDays` again: whole years, then the whole months left
 * before and after them, then whole weeks (Monday to Sunday) in the days left beside those, then
 * the days left. Open ends are undefined. Pure string and calendar arithmetic (UTC days, as stored).
 */
export interface PeriodSplit {
  partial: { from?: string; before?: string; to?: string }[];
  /** Days counted whole, first and last included; null when there are none. */
  wholeDays: DayRange | null;
  /** Whole years within `wholeDays` (`YYYY`), first and last included; null when none. */
  years: Range | null;
  /** Whole months (`YYYY-MM`) within `wholeDays` outside `years`, at most one range on each side. */
  months: Range[];
  /** Whole weeks within `wholeDays` outside `years` and `months`, each named by its Monday (`YYYY-MM-DD`). */
  weeks: Range[];
  /** The days of `wholeDays` outside `years`, `months` and `weeks`. */
  days: DayRange[];
}

/** First and last included; an undefined end is open. */
export interface Range {
  first?: string;
  last?: string;
}
type DayRange = Range;

/** How one calendar unit (a year, a month, a week) is named and bounded, from the days' strings. */
interface CalendarUnit {
  of(day: string): string;
  shift(unit: string, by: number): string;
  firstDay(unit: string): string;
  lastDay(unit: string): string;
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

const YEAR: CalendarUnit = {
  of: (day) => day.slice(0, 4),
  shift: (year, by) => String(Number(year) + by).padStart(4, '0'),
  firstDay: (year) => `${year}-01-01`,
  lastDay: (year) => `${year}-12-31`,
};

/** The Monday of the week (Monday to Sunday) that holds `day`. */
function mondayOf(day: string): string {
  return shiftDay(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

const WEEK: CalendarUnit = {
  of: mondayOf,
  shift: (monday, by) => shiftDay(monday, 7 * by),
  firstDay: (monday) => monday,
  lastDay: (monday) => shiftDay(monday, 6),
};

const MONTH: CalendarUnit = { of: (day) => day.slice(0, 7), shift: shiftMonth, firstDay: (month) => `${month}-01`, lastDay: lastDayOf };

/** The whole units within the days of `range`, and the days left before and after them. */
function wholeUnits(range: DayRange, unit: CalendarUnit): { units: Range | null; rest: DayRange[] } {
  const { first, last } = range;
  const firstUnit = first === undefined ? undefined : first === unit.firstDay(unit.of(first)) ? unit.of(first) : unit.shift(unit.of(first), 1);
  const lastUnit = last === undefined ? undefined : last === unit.lastDay(unit.of(last)) ? unit.of(last) : unit.shift(unit.of(last), -1);
  if (firstUnit !== undefined && lastUnit !== undefined && firstUnit > lastUnit) return { units: null, rest: [range] };
  const rest: DayRange[] = [];
  if (first !== undefined && first < unit.firstDay(firstUnit!)) rest.push({ first, last: shiftDay(unit.firstDay(firstUnit!), -1) });
  if (last !== undefined && last > unit.lastDay(lastUnit!)) rest.push({ first: shiftDay(unit.lastDay(lastUnit!), 1), last });
  return { units: { first: firstUnit, last: lastUnit }, rest };
}

/** Null when `from` or `to` does not start with a day: such a period is read from the incidents alone. */
export function splitPeriod(from: string | undefined, to: string | undefined): PeriodSplit | null {
  if ((from !== undefined && !DAY.test(from)) || (to !== undefined && !DAY.test(to))) return null;
  const nothing: PeriodSplit = { partial: [], wholeDays: null, years: null, months: [], weeks: [], days: [] };
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
  if (first !== undefined && last !== undefined && first > last) return { ...nothing, partial };
  const wholeDays = { first, last };
  return { partial, wholeDays, ...splitDays(wholeDays) };
}

/**
 * Whole days (`YYYY-MM-DD`, first and last included, open where undefined) cut into whole years,
 * the months beside them, the weeks beside those and the days left.
 */
export function splitDays(wholeDays: DayRange): Pick<PeriodSplit, 'years' | 'months' | 'weeks' | 'days'> {
  const years = wholeUnits(wholeDays, YEAR);
  const months = years.rest.map((range) => wholeUnits(range, MONTH));
  const weeks = months.flatMap((cut) => cut.rest).map((range) => wholeUnits(range, WEEK));
  const units = (cuts: { units: Range | null }[]) => cuts.flatMap((cut) => (cut.units ? [cut.units] : []));
  return { years: years.units, months: units(months), weeks: units(weeks), days: weeks.flatMap((cut) => cut.rest) };
}
