import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { NationCode } from '../domain/nation.js';
import { isNationCode } from '../domain/nation.js';

/**
 * The read rule of `domain/sovereignty.ts` as a WHERE clause: rows the nation owns or that were
 * released to it. Every read of a shared table goes through it, so a route cannot forget it; a
 * property test holds it equal to `isVisibleTo`.
 * `releasable_to` holds a JSON array of two-letter codes, so `"SN"` with its quotes matches one code only.
 */
export function visibleTo(nation: NationCode): RawBuilder<SqlBool> {
  if (!isNationCode(nation)) throw new Error(`not a nation code: ${nation}`);
  return sql<SqlBool>`(owner = ${nation} OR releasable_to LIKE ${`%"${nation}"%`})`;
}

/** The twin of `isDerivedFor`: rows computed for the nation's own audience (levels, history, alerts). */
export function derivedFor(nation: NationCode): RawBuilder<SqlBool> {
  if (!isNationCode(nation)) throw new Error(`not a nation code: ${nation}`);
  return sql<SqlBool>`(audience = ${nation})`;
}
