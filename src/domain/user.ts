import { ROLES, type Role } from '../contracts/vocabularies.js';
import type { NationCode } from '../kernel/nation.js';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who is asking: what every rule about access is decided on. */
export interface Actor {
  userId: string;
  username: string;
  nation: NationCode;
  role: Role;
  /**
   * The nation of the node the actor signed in on, set by authentication. When it is not the
   * actor's own nation, the actor is a partner nation's officer on this node: what it may write
   * then comes from `secondment` alone (see `domain/permissions.ts`). Unset: an actor of this
   * node's own nation, made by the node itself (the demo, a report, a test).
   */
  hostNation?: NationCode;
  /** The secondment the officer's own nation signed for it, checked at sign-in (signature, expiry, revocation). */
  secondment?: Secondment;
}

/** What a valid secondment credential grants its holder on the host node: see `domain/secondment.ts`. */
export interface Secondment {
  /** The credential's id, named in the audit log of what it was used for. */
  id: string;
  /** The nation whose node signed it: the officer's own. */
  issuer: NationCode;
  role: Role;
  expiresAt: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  nation: NationCode;
  role: Role;
}
