import type { NationCode } from '../kernel/nation.js';

/**
 * A patrol's short code, said over the radio and typed on a basic phone: the owner nation and a
 * five-digit number (`ML-48213`). People type it as they hear it (`ml48213`, `ML 48213`), so
 * matching ignores case, spaces and hyphens.
 *
 * The number is drawn from the patrol's own id, not counted: a counter would tell a partner how
 * many patrols it was not shown (ML-1, then ML-3 says ML-2 exists). Drawn from the id, the code
 * of a patrol a nation sees depends on that patrol alone, and a node that numbered a partner's
 * copies before codes existed finds the owner's numbers.
 */
const TYPED = /^([A-Za-z]{2})[\s-]*0*([1-9][0-9]{0,8})$/;
const FIRST = 10_000;
const SPAN = 90_000;

export function patrolCode(owner: NationCode, n: number): string {
  return `${owner}-${n}`;
}

/**
 * The number of the patrol's code at its `attempt`-th draw (the next draw is taken when the code
 * is already held on the node). Its results never change: stored codes rest on them.
 */
export function patrolCodeNumber(id: string, attempt = 0): number {
  // FNV-1a over the UTF-16 code units of the id and the attempt: plain, fast, the same everywhere.
  let hash = 0x811c9dc5;
  for (const char of `${id}#${attempt}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return FIRST + (hash % SPAN);
}

/** The code as the node stores it, or null when the text cannot be a patrol code. */
export function normalisePatrolCode(text: string): string | null {
  const match = TYPED.exec(text.trim());
  if (!match) return null;
  return patrolCode(match[1]!.toUpperCase(), Number(match[2]));
}
