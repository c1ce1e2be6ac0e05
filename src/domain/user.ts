import type { NationCode } from './nation.js';

export const ROLES = ['coordinator', 'liaison', 'patrol_lead', 'analyst', 'admin', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who is asking: what every rule about access is decided on. */
export interface Actor {
  userId: string;
  username: string;
  nation: NationCode;
  role: Role;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  nation: NationCode;
  role: Role;
}
