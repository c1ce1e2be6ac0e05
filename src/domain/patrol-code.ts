import type { NationCode } from '../kernel/nation.js';

/**
 * A patrol's short code, said over the radio and typed on a basic phone: the owner nation and a
 * number the owner node counts from 1 (`ML-12`). People type it as they hear it (`ml12`, `ML 12`),
 * so matching ignores case, spaces and hyphens.
 */
const TYPED = /^([A-Za-z]{2})[\s-]*0*([1-9][0-9]{0,8})$/;

export function patrolCode(owner: NationCode, n: number): string {
  return `${owner}-${n}`;
}

/** The code as the node stores it, or null when the text cannot be a patrol code. */
export function normalisePatrolCode(text: string): string | null {
  const match = TYPED.exec(text.trim());
  if (!match) return null;
  return patrolCode(match[1]!.toUpperCase(), Number(match[2]));
}
