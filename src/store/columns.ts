import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { NationCode } from '../domain/nation.js';
import { isNationCode } from '../domain/nation.js';

/** JSON text column → array of strings; a corrupt value reads as empty rather than crashing a list. */
export function readStringArray(text: string | null): string[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function writeStringArray(values: readonly string[]): string {
  return JSON.stringify(values);
}

/**
 * The sovereignty rule as a WHERE clause: rows the nation owns or that were released to it. Every
 * read of a shared table goes through it, so a route handler cannot forget it.
 * `releasable_to` holds a JSON array of two-letter codes, so `"SN"` with its quotes matches one code only.
 */
export function visibleTo(nation: NationCode): RawBuilder<SqlBool> {
  if (!isNationCode(nation)) throw new Error(`not a nation code: ${nation}`);
  return sql<SqlBool>`(owner = ${nation} OR releasable_to LIKE ${`%"${nation}"%`})`;
}
