import type { NationCode } from '../kernel/nation.js';

/** Kinds of records that cross between nodes: what a node releases, a partner stores as a copy. */
export const RECORD_KINDS = ['incident', 'patrol', 'unit', 'post', 'patrol-approval'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The local copy of a record a node holds: the nation that owns it and the version it has. */
export interface LocalCopy {
  owner: NationCode;
  version: number;
}
