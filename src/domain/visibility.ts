import type { NationCode } from './nation.js';

/** The two fields that decide who may read a record. */
export interface Releasable {
  owner: NationCode;
  /** Nations the owner released the record to; empty means national only. */
  releasableTo: readonly NationCode[];
}

/**
 * The sovereignty rule: a nation sees a record it owns or one released to it, and nothing else.
 * The store applies the same rule in SQL (`visibleTo` in store/visibility-filter.ts); tests check
 * that both agree.
 */
export function isVisibleTo(record: Releasable, nation: NationCode): boolean {
  return record.owner === nation || record.releasableTo.includes(nation);
}
