import type { NationCode } from '../kernel/nation.js';

/** A partner node: where its feed is pulled from, the key its requests are signed with, and how the last pull went. */
export interface Peer {
  nation: NationCode;
  url: string;
  publicKey: string;
  cursor: number;
  addedAt: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
}
