import { DiboliError } from '../domain/errors.js';
import { isNationCode } from '../kernel/nation.js';
import { checkPassword } from '../domain/password-policy.js';
import { isRole, type User } from '../domain/user.js';
import type { NodeContext } from './node-context.js';
import { estimateStrength } from './password-strength.js';
import { hashPassword } from './passwords.js';

/** What the node's administrator manages from the command line: users, passwords, second factors. */

export interface NewUser {
  username: string;
  displayName?: string;
  nation: string;
  role: string;
  password: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

type Accounts = Pick<NodeContext, 'repos' | 'clock' | 'ids' | 'mechanism'>;

/** Creates a user; used by `diboli user add` and the demo. The password must pass the node's policy. */
export async function addUser(node: Accounts, input: NewUser): Promise<User> {
  const username = input.username.toLowerCase();
  if (!USERNAME.test(username)) {
    throw new DiboliError('ERR_VALIDATION', { detail: 'username: 2–64 characters a-z 0-9 . _ -' }, 'username');
  }
  if (!isNationCode(input.nation) || !node.mechanism.nations.includes(input.nation)) {
    throw new DiboliError('ERR_RELEASE_OUTSIDE_MECHANISM', { value: input.nation }, 'nation');
  }
  if (!isRole(input.role)) throw new DiboliError('ERR_VALIDATION', { detail: `role ${input.role}` }, 'role');
  checkPassword(input.password, { username, displayName: input.displayName }, estimateStrength);
  if (await node.repos.users.findByUsername(username)) throw new DiboliError('ERR_USERNAME_TAKEN', { value: username }, 'username');
  const user: User = { id: node.ids.newId(), username, displayName: input.displayName ?? username, nation: input.nation, role: input.role };
  await node.repos.users.insert({ ...user, passwordHash: await hashPassword(input.password) }, node.clock.now().toISOString());
  return user;
}

async function existing(node: Accounts, username: string): Promise<User> {
  const found = await node.repos.users.findByUsername(username.toLowerCase());
  if (!found) throw new DiboliError('ERR_NOT_FOUND', { kind: 'user', id: username }, 'username');
  const { passwordHash: _hidden, ...user } = found;
  return user;
}

/** A new password (same policy as for new users); the user's open sessions end. */
export async function changePassword(node: Accounts, username: string, password: string): Promise<User> {
  const user = await existing(node, username);
  checkPassword(password, user, estimateStrength);
  await node.repos.users.setPasswordHash(user.id, await hashPassword(password));
  await node.repos.sessions.endAllOf(user.id);
  return user;
}

/** Forgets the user's second factor and recovery codes and ends their sessions: they enrol again at next login. */
export async function resetSecondFactor(node: Accounts, username: string): Promise<User> {
  const user = await existing(node, username);
  await node.repos.secondFactors.reset(user.id);
  return user;
}

/** Removes the account; its sessions, second factor and recovery codes go with it. */
export async function removeUser(node: Accounts, username: string): Promise<User> {
  const user = await existing(node, username);
  await node.repos.users.remove(user.id);
  return user;
}
