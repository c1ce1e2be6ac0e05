import type { NationCode } from '../kernel/nation.js';
import type { RecordKind, UnsignedEnvelope } from './envelope.js';
import { lostAccess, partnersNamed } from '../domain/sovereignty.js';

/** A record as it was just written on its node. */
export interface WrittenRecord {
  kind: RecordKind;
  id: string;
  owner: NationCode;
  version: number;
  releasableTo: readonly NationCode[];
  body: unknown;
}

/**
 * What a local write sends to partners: the new version to every nation it is released to, and a
 * retraction to each nation that lost access (`previous` is the releasability before the write,
 * `null` for a deleted record, undefined for a new one). A record this node does not own is
 * never sent on: only its origin releases it.
 */
export function releasePlan(
  self: NationCode,
  record: WrittenRecord,
  previous: readonly NationCode[] | undefined,
  signedAt: string,
  deleted = false,
): UnsignedEnvelope[] {
  if (record.owner !== self) return [];
  const current = deleted ? [] : partnersNamed(self, record.releasableTo);
  const planned: UnsignedEnvelope[] = [];
  if (current.length > 0) {
    planned.push({ origin: self, kind: record.kind, id: record.id, version: record.version, releasableTo: current, body: record.body, signedAt });
  }
  // One retraction per nation that lost access: a nation is told that it lost the record, not
  // who else did (that belongs to the new version, which it may no longer see).
  for (const nation of lostAccess(previous ?? [], current)) {
    planned.push({
      origin: self,
      kind: 'retraction',
      id: `${record.kind}:${record.id}`,
      version: record.version,
      releasableTo: [nation],
      body: { kind: record.kind, id: record.id },
      signedAt,
    });
  }
  return planned;
}
