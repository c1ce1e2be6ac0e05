/** Lengths of time in milliseconds, the unit of `Date.getTime()`; named once so no one writes 86_400_000 again. */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
