import type { NationCode } from '../kernel/nation.js';

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
