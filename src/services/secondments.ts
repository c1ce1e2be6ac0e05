import { DiboliError } from '../domain/errors.js';
import { partnersOf } from '../domain/mechanism.js';
import { isNationCode, type NationCode } from '../kernel/nation.js';
import {
  asCredential,
  credentialProblem,
  CREDENTIAL_FORMAT,
  DEFAULT_SECONDMENT_DAYS,
  isSecondedRole,
  MAX_SECONDMENT_DAYS,
  SECONDED_ROLES,
  type SecondmentCredential,
} from '../domain/secondment.js';
import type { Actor, User } from '../domain/user.js';
import type { Role } from '../contracts/vocabularies.js';
import { parsePrivateKey, parsePublicKey } from '../federation/node-keys.js';
import { signCredential, verifyCredential } from '../federation/secondment-signature.js';
import type { HeldSecondment, IssuedSecondment } from '../store/secondment-repository.js';
import type { NodeContext } from './node-context.js';
import { DAY_MS } from '../kernel/durations.js';

type Node = Pick<NodeContext, 'nation' | 'mechanism' | 'repos' | 'clock' | 'ids'>;

export interface IssueInput {
  username: string;
  role: string;
  host: string;
  days?: number;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/**
 * On the officer's own node: signs a credential that seconds `username` to the node of `host`
 * in `role` for `days` days. The host's administrator attaches it to the officer's account there
 * (`diboli user add … --credential FILE`); nothing else lets that account act for this nation.
 */
export async function issueSecondment(node: Node, input: IssueInput): Promise<SecondmentCredential> {
  const host = input.host.trim().toUpperCase();
  if (!isNationCode(host) || !partnersOf(node.mechanism, node.nation).includes(host)) throw new DiboliError('ERR_NOT_A_PARTNER', { nation: host }, 'host');
  const username = input.username.toLowerCase();
  if (!USERNAME.test(username)) throw new DiboliError('ERR_VALIDATION', { detail: 'username: 2–64 characters a-z 0-9 . _ -' }, 'username');
  if (!isSecondedRole(input.role)) throw new DiboliError('ERR_VALIDATION', { detail: `role: one of ${SECONDED_ROLES.join(', ')}` }, 'role');
  const days = input.days ?? DEFAULT_SECONDMENT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_SECONDMENT_DAYS)
    throw new DiboliError('ERR_VALIDATION', { detail: `days: 1 to ${MAX_SECONDMENT_DAYS}` }, 'days');
  const keys = await node.repos.keys.keys();
  if (!keys) throw new DiboliError('ERR_NODE_NOT_INITIALISED');
  const now = node.clock.now();
  const credential = signCredential(
    {
      format: CREDENTIAL_FORMAT,
      id: node.ids.newId(),
      mechanism: node.mechanism.id,
      issuer: node.nation,
      host,
      username,
      role: input.role,
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
    },
    parsePrivateKey(keys.privateKey),
  );
  const issued: IssuedSecondment = {
    id: credential.id,
    host,
    username,
    role: credential.role,
    issuedAt: credential.issuedAt,
    expiresAt: credential.expiresAt,
    revokedAt: null,
  };
  await node.repos.secondments.issue(issued);
  await node.repos.audit.record(credential.issuedAt, [
    { action: 'secondment.issued', detail: { id: credential.id, host, username, role: credential.role, expiresAt: credential.expiresAt } },
  ]);
  return credential;
}

/** On the issuing node: the credential stops counting on the host once the host has pulled this node's feed. */
export async function revokeSecondment(node: Node, id: string): Promise<IssuedSecondment> {
  const at = node.clock.now().toISOString();
  const revoked = await node.repos.secondments.revoke(id, at);
  if (!revoked) throw new DiboliError('ERR_NOT_FOUND', { kind: 'secondment', id });
  await node.repos.audit.record(at, [{ action: 'secondment.revoked', detail: { id, host: revoked.host, username: revoked.username } }]);
  return revoked;
}

/** Reads a credential file's text; refuses anything that is not a credential. */
export function readCredential(text: string): SecondmentCredential {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DiboliError('ERR_BAD_CREDENTIAL', { reason: 'the file is not JSON' }, 'credential');
  }
  const credential = asCredential(parsed);
  if (!credential) throw new DiboliError('ERR_BAD_CREDENTIAL', { reason: 'the file does not hold a secondment credential' }, 'credential');
  return credential;
}

/** Why this node must not honour the credential for this account, or undefined when it may. */
async function problemWith(
  node: Node,
  credential: SecondmentCredential,
  account: { username: string; nation: NationCode; role: Role },
): Promise<string | undefined> {
  const peer = await node.repos.peers.byNation(credential.issuer);
  const issuerKey = peer && parsePublicKey(peer.publicKey);
  if (!issuerKey) return `no node of ${credential.issuer} is registered here (diboli peer add)`;
  if (!verifyCredential(credential, issuerKey)) return `it is not signed by the registered key of the node of ${credential.issuer}`;
  return credentialProblem(credential, {
    host: node.nation,
    mechanism: node.mechanism.id,
    username: account.username,
    nation: account.nation,
    role: account.role,
    now: node.clock.now().toISOString(),
    revoked: await node.repos.secondments.isRevoked(credential.issuer, credential.id),
  });
}

/** Refuses a credential that this node would not honour for the account it names. */
export async function checkCredentialFor(
  node: Node,
  credential: SecondmentCredential,
  account: { username: string; nation: NationCode; role: Role },
): Promise<void> {
  const problem = await problemWith(node, credential, account);
  if (problem) throw new DiboliError('ERR_BAD_CREDENTIAL', { reason: problem }, 'credential');
}

/** Attaches a checked credential to a partner officer's account on this node (replacing an older one). */
export async function attachCredential(node: Node, user: User, credential: SecondmentCredential): Promise<HeldSecondment> {
  await checkCredentialFor(node, credential, user);
  const at = node.clock.now().toISOString();
  const held: HeldSecondment = {
    userId: user.id,
    credentialId: credential.id,
    issuer: credential.issuer,
    role: credential.role,
    expiresAt: credential.expiresAt,
    credential: JSON.stringify(credential),
    addedAt: at,
  };
  await node.repos.secondments.hold(held);
  await node.repos.audit.record(at, [
    {
      action: 'secondment.accepted',
      detail: { id: credential.id, issuer: credential.issuer, username: user.username, role: credential.role, expiresAt: credential.expiresAt },
    },
  ]);
  return held;
}

/** The host's own lever: the account keeps reading what is released to its nation and writes nothing. */
export async function withdrawSecondment(node: Node, username: string): Promise<void> {
  const user = await node.repos.users.findByUsername(username.toLowerCase());
  if (!user || !(await node.repos.secondments.withdraw(user.id))) throw new DiboliError('ERR_NOT_FOUND', { kind: 'secondment', id: username });
  await node.repos.audit.record(node.clock.now().toISOString(), [{ action: 'secondment.withdrawn', detail: { username: user.username, nation: user.nation } }]);
}

/**
 * Who a signed-in user is on this node, for every access decision. A partner nation's officer
 * carries its secondment only while the credential holds: signed by the registered key of its
 * nation's node, for this node, this account and role, not expired and not revoked. Checked on
 * every request, so a revocation or an expiry takes effect at once.
 */
export async function actorFor(node: Node, user: User): Promise<Actor> {
  const actor: Actor = { userId: user.id, username: user.username, nation: user.nation, role: user.role, hostNation: node.nation };
  if (user.nation === node.nation) return actor;
  const held = await node.repos.secondments.heldBy(user.id);
  if (!held) return actor;
  let credential: SecondmentCredential;
  try {
    credential = readCredential(held.credential);
  } catch {
    return actor;
  }
  if (await problemWith(node, credential, user)) return actor;
  return { ...actor, secondment: { id: credential.id, issuer: credential.issuer, role: credential.role, expiresAt: credential.expiresAt } };
}
