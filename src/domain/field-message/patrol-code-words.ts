import { normalisePatrolCode } from '../patrol-code.js';

/**
 * The patrol code at the start of a message's arguments: one word (`ML-12`, `ml12`) or two
 * (`ML 12`), spelled back as the node stores codes.
 */
export function readPatrolCode(words: readonly string[], start: number): { code: string; next: number } | undefined {
  const one = words[start];
  if (one === undefined) return undefined;
  const whole = normalisePatrolCode(one);
  if (whole) return { code: whole, next: start + 1 };
  const two = words[start + 1];
  const split = two !== undefined && /^[A-Za-z]{2}$/.test(one) && /^\d+$/.test(two) ? normalisePatrolCode(`${one} ${two}`) : null;
  return split ? { code: split, next: start + 2 } : undefined;
}
