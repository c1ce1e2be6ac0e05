import { DiboliError } from './errors.js';
import type { NationCode } from './nation.js';

/** Record kinds that carry a default releasability in a mechanism's sharing policy. */
export const SHARED_KINDS = ['incident', 'patrol', 'position', 'post', 'unit'] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

/** For each record kind, the partner nations a new record is released to unless its author says otherwise. */
export type SharingPolicy = Record<SharedKind, NationCode[]>;

export interface Agreement {
  title: string;
  date: string;
  reference: string;
}

export interface Mechanism {
  id: string;
  name: string;
  nations: NationCode[];
  agreement: Agreement;
  sharingPolicy: SharingPolicy;
}

/** Partners of `nation` within the mechanism. */
export function partnersOf(mechanism: Mechanism, nation: NationCode): NationCode[] {
  return mechanism.nations.filter((n) => n !== nation);
}

/**
 * The releasability a new record gets: what its author asked for, else the mechanism's default
 * for that kind. Either way it names only partner nations (never the owner itself, never an
 * outsider) and is sorted, so equal sets compare equal.
 */
export function resolveReleasability(
  mechanism: Mechanism,
  owner: NationCode,
  kind: SharedKind,
  requested: readonly string[] | undefined,
  field = 'releasableTo',
): NationCode[] {
  const chosen = requested ?? mechanism.sharingPolicy[kind];
  const partners = new Set(partnersOf(mechanism, owner));
  for (const nation of chosen) {
    if (nation !== owner && !partners.has(nation)) {
      throw new DiboliError('ERR_RELEASE_OUTSIDE_MECHANISM', { value: nation }, field);
    }
  }
  return [...new Set(chosen.filter((n) => n !== owner))].sort();
}
