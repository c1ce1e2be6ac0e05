import type { NationCode } from '../domain/nation.js';

/** Nations that could read the previous version and cannot read the new one. */
export function lostAccess(before: readonly NationCode[], after: readonly NationCode[]): NationCode[] {
  const kept = new Set(after);
  return [...new Set(before.filter((n) => !kept.has(n)))].sort();
}
