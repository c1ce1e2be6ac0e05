/**
 * Delay before the next try at a peer that failed `failures` times in a row: doubling from
 * `baseMs` up to `maxMs`, then spread over its upper half by `random` in [0, 1) so that nodes cut
 * off together do not all call back at the same instant.
 */
export function backoffDelay(failures: number, random: number, baseMs = 1000, maxMs = 60_000): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
}
