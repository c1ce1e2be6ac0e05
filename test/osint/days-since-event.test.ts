import { describe, expect, it } from 'vitest';
import { daysSinceEvent, ofLastDays } from '../../src/osint/days-since-event.js';

describe('days from an event to the day it is published', () => {
  it.each([
    ['2024-03-04', '2024-03-06', 2],
    ['2024-02-28', '2024-03-01', 2],
    // A month counts from its 28th, a year from its last day.
    ['2024-03', '2024-04-02', 5],
    ['2023', '2024-01-10', 10],
    ['2024-03-06', '2024-03-04', -2],
    ['someday', '2024-03-04', 0],
  ] as const)('%s to %s', (eventDate, day, expected) => {
    expect(daysSinceEvent(eventDate, day)).toBe(expected);
  });
});

describe('an event of the last days', () => {
  it.each([
    ['2019-09-19', '2019-09-20', true],
    ['2019-09-18', '2019-09-20', true],
    ['2019-09-17', '2019-09-20', false],
    // A month or a year is no day of the last days; nor is an event when the day is unknown.
    ['2019-09', '2019-09-20', false],
    ['2019-09-19', null, false],
    [null, '2019-09-20', false],
  ] as const)('%s before %s', (eventDate, day, expected) => {
    expect(ofLastDays(eventDate, day)).toBe(expected);
  });
});
