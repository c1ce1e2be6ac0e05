import { isNationCode, type NationCode } from '../kernel/nation.js';
import { isRole } from './user.js';
import type { Role } from '../contracts/vocabularies.js';
import { MINUTE_MS } from '../kernel/durations.js';

/**
 * A secondment credential: a partner nation's node says, over its own signature, that one of its
 * officers works on the host nation's node in a given role until a given time. It is the only way
 * a partner nation acts on a host node: an account of that nation the host's administrator made
 * without one reads what is released to its nation and writes nothing. The host checks the
 * signature against the partner's registered peer key (`federation/secondment-signature.ts`).
 */
export interface SecondmentCredential {
  format: typeof CREDENTIAL_FORMAT;
  id: string;
  /** The mechanism both nodes belong to. */
  mechanism: string;
  /** The officer's nation, whose node signed the credential. */
  issuer: NationCode;
  /** The nation of the node the officer works on. */
  host: NationCode;
  username: string;
  role: SecondedRole;
  issuedAt: string;
  expiresAt: string;
  signature: string;
}

export type UnsignedCredential = Omit<SecondmentCredential, 'signature'>;

export const CREDENTIAL_FORMAT = 'diboli-secondment-v1';

/** The roles a nation seconds to a partner's coordination centre. */
export const SECONDED_ROLES = ['coordinator', 'liaison'] as const satisfies readonly Role[];
export type SecondedRole = (typeof SECONDED_ROLES)[number];

export const DEFAULT_SECONDMENT_DAYS = 30;
export const MAX_SECONDMENT_DAYS = 365;
/** A credential issued this far in the future (clocks of two nodes disagree) is still taken. */
const CLOCK_SKEW_MS = 5 * MINUTE_MS;

export function isSecondedRole(value: string): value is SecondedRole {
  return (SECONDED_ROLES as readonly string[]).includes(value);
}

/** Checks the shape of something offered as a credential; undefined for anything else. */
export function asCredential(value: unknown): SecondmentCredential | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const c = value as Record<string, unknown>;
  const text = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
  const time = (v: unknown) => text(v, 40) && !Number.isNaN(Date.parse(v as string));
  const ok =
    c.format === CREDENTIAL_FORMAT &&
    text(c.id, 100) &&
    text(c.mechanism, 200) &&
    text(c.username, 64) &&
    text(c.signature, 200) &&
    isNationCode(c.issuer) &&
    isNationCode(c.host) &&
    typeof c.role === 'string' &&
    isRole(c.role) &&
    isSecondedRole(c.role) &&
    time(c.issuedAt) &&
    time(c.expiresAt);
  if (!ok) return undefined;
  const { format, id, mechanism, issuer, host, username, role, issuedAt, expiresAt, signature } = c as unknown as SecondmentCredential;
  return { format, id, mechanism, issuer, host, username, role, issuedAt, expiresAt, signature };
}

/** What the host node expects a credential to say of the account that holds it. */
export interface CredentialExpectation {
  host: NationCode;
  mechanism: string;
  username: string;
  nation: NationCode;
  role: Role;
  now: string;
  revoked: boolean;
}

/**
 * Why the host must not honour this (signature-checked) credential for this account, or
 * undefined when it may. Pure: the signature, the peer key and revocations are looked up elsewhere.
 */
export function credentialProblem(credential: UnsignedCredential, expected: CredentialExpectation): string | undefined {
  if (credential.host !== expected.host) return `it is for the node of ${credential.host}, not ${expected.host}`;
  if (credential.mechanism !== expected.mechanism) return `it is for mechanism ${credential.mechanism}`;
  if (credential.issuer !== expected.nation) return `it was issued by ${credential.issuer} for an officer of ${expected.nation}`;
  if (credential.issuer === expected.host) return 'a nation does not second officers to its own node';
  if (credential.username !== expected.username) return `it names ${credential.username}, not ${expected.username}`;
  if (credential.role !== expected.role) return `it grants the role ${credential.role}, not ${expected.role}`;
  const now = Date.parse(expected.now);
  if (Date.parse(credential.issuedAt) > now + CLOCK_SKEW_MS) return 'it is issued in the future';
  if (Date.parse(credential.expiresAt) <= now) return `it expired on ${credential.expiresAt}`;
  if (expected.revoked) return `${credential.issuer} revoked it`;
  return undefined;
}
