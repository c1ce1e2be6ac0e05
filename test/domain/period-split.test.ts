import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPeriod, type PeriodSplit } from '../../src/domain/period-split.js';

/** How many parts of the split hold the stored instant `s`: the counts are exact only if it is 1 or 0. */
function partsHolding(split: PeriodSplit, s: string): number {
  const day = s.slice(0, 10);
  const month = s.slice(0, 7);
  const year = s.slice(0, 4);
  const monday = new Date(Date.parse(`${day}T00:00:00Z`) - ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  const within = (value: string, range: { first?: string; last?: string }) =>
    (range.first === undefined || value >= range.first) && (range.last === undefined || value <= range.last);
  let n = 0;
  for (const p of split.partial) {
    if ((p.from === undefined || s >= p.from) && (p.before === undefined || s < p.before) && (p.to === undefined || s <= p.to)) n++;
  }
  if (split.years && within(year, split.years)) n++;
  for (const range of split.months) if (within(month, range)) n++;
  for (const range of split.weeks) if (within(monday, range)) n++;
  for (const range of split.days) if (within(day, range)) n++;
  return n;
}

/** The same split, with years, months, weeks and days replaced by `wholeDays` (the way a days-only count is read). */
function partsHoldingByDays(split: PeriodSplit, s: string): number {
  return partsHolding({ ...split, years: null, months: [], weeks: [], days: split.wholeDays ? [split.wholeDays] : [] }, s);
}

// Over three years and a half, so that periods hold whole years, whole months and loose days.
const instant = fc.integer({ min: Date.parse('2021-11-20'), max: Date.parse('2025-04-10') }).map((ms) => new Date(ms).toISOString());

describe('splitPeriod', () => {
  it.each([
    [
      'no bounds',
      undefined,
      undefined,
      { partial: [], wholeDays: { first: undefined, last: undefined }, years: { first: undefined, last: undefined }, months: [], weeks: [], days: [] },
    ],
    [
      'a quarter from an instant to the end of a day',
      '2024-01-15T08:30:00.000Z',
      '2024-03-31T23:59:59.999Z',
      {
        partial: [
          { from: '2024-01-15T08:30:00.000Z', before: '2024-01-16' },
          { from: '2024-03-31', to: '2024-03-31T23:59:59.999Z' },
        ],
        wholeDays: { first: '2024-01-16', last: '2024-03-30' },
        years: null,
        months: [{ first: '2024-02', last: '2024-02' }],
        weeks: [
          { first: '2024-01-22', last: '2024-01-22' },
          { first: '2024-03-04', last: '2024-03-18' },
        ],
        days: [
          { first: '2024-01-16', last: '2024-01-21' },
          { first: '2024-01-29', last: '2024-01-31' },
          { first: '2024-03-01', last: '2024-03-03' },
          { first: '2024-03-25', last: '2024-03-30' },
        ],
      },
    ],
    [
      'one day',
      '2024-02-29T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      { partial: [{ from: '2024-02-29T00:00:00.000Z', to: '2024-02-29T23:59:59.999Z' }], wholeDays: null, years: null, months: [], weeks: [], days: [] },
    ],
    [
      'two years and a half: a whole year, the months on each side, the weeks and days beside them',
      '2022-03-10T05:00:00.000Z',
      '2024-08-15T12:00:00.000Z',
      {
        partial: [
          { from: '2022-03-10T05:00:00.000Z', before: '2022-03-11' },
          { from: '2024-08-15', to: '2024-08-15T12:00:00.000Z' },
        ],
        wholeDays: { first: '2022-03-11', last: '2024-08-14' },
        years: { first: '2023', last: '2023' },
        months: [
          { first: '2022-04', last: '2022-12' },
          { first: '2024-01', last: '2024-07' },
        ],
        weeks: [
          { first: '2022-03-14', last: '2022-03-21' },
          { first: '2024-08-05', last: '2024-08-05' },
        ],
        days: [
          { first: '2022-03-11', last: '2022-03-13' },
          { first: '2022-03-28', last: '2022-03-31' },
          { first: '2024-08-01', last: '2024-08-04' },
          { first: '2024-08-12', last: '2024-08-14' },
        ],
      },
    ],
    [
      'from the first of January, open after',
      '2023-01-01T00:00:00.000Z',
      undefined,
      {
        partial: [{ from: '2023-01-01T00:00:00.000Z', before: '2023-01-02' }],
        wholeDays: { first: '2023-01-02', last: undefined },
        years: { first: '2024', last: undefined },
        months: [{ first: '2023-02', last: '2023-12' }],
        weeks: [{ first: '2023-01-02', last: '2023-01-23' }],
        days: [{ first: '2023-01-30', last: '2023-01-31' }],
      },
    ],
  ])('%s', (_name, from, to, expected) => {
    expect(splitPeriod(from, to)).toEqual(expected);
  });

  it('reads a bound that does not start with a day from the incidents alone', () => {
    expect(splitPeriod('yesterday', undefined)).toBeNull();
  });

  it('holds every stored instant of the period in exactly one part, and no other instant', () => {
    fc.assert(
      fc.property(
        fc.option(instant, { nil: undefined }),
        fc.option(instant, { nil: undefined }),
        fc.array(instant, { minLength: 1, maxLength: 40 }),
        (from, to, stored) => {
          const split = splitPeriod(from, to)!;
          for (const s of [...stored, ...[from, to].filter((b): b is string => b !== undefined)]) {
            const inPeriod = (from === undefined || s >= from) && (to === undefined || s <= to);
            expect(partsHolding(split, s)).toBe(inPeriod ? 1 : 0);
            expect(partsHoldingByDays(split, s)).toBe(inPeriod ? 1 : 0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
