import { createHash, randomBytes } from 'node:crypto';
import { DiboliError } from '../domain/errors.js';
import { isNationCode } from '../domain/nation.js';
import { isRole, type Actor, type User } from '../domain/user.js';
import { LoginThrottle } from './login-throttle.js';
import type { NodeContext } from './node-context.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { actorFor } from './secondments.js';

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}

export interface NewUser {
  username: string;
  displayName?: string;
  nation: string;
  role: string;
  password: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const MIN_PASSWORD = 8;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class AuthService {
  /** Failed attempts per username… */
  private readonly perUser: LoginThrottle;
  /** …and per client address, looser: a whole coordination centre may sit behind one address. */
  private readonly perAddress: LoginThrottle;

  constructor(private readonly node: NodeContext) {
    this.perUser = new LoginThrottle(node.config.loginAttemptsPerMinute, node.clock);
    this.perAddress = new LoginThrottle(node.config.loginAttemptsPerMinute * 5, node.clock);
  }

  async login(username: string, password: string, clientAddress: string): Promise<LoginResult> {
    const name = username.toLowerCase();
    const wait = Math.max(this.perUser.retryAfter([name]), this.perAddress.retryAfter([clientAddress]));
    if (wait > 0) throw new DiboliError('ERR_TOO_MANY_ATTEMPTS', { seconds: wait });
    const user = await this.node.repos.users.findByUsername(name);
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      this.perUser.record([name]);
      this.perAddress.record([clientAddress]);
      throw new DiboliError('ERR_BAD_CREDENTIALS');
    }
    this.perUser.forget(name);
    const token = randomBytes(32).toString('base64url');
    const now = this.node.clock.now();
    const expiresAt = new Date(now.getTime() + this.node.config.tokenTtlHours * 3_600_000).toISOString();
    await this.node.repos.users.insertSession(tokenHash(token), user.id, now.toISOString(), expiresAt);
    const { passwordHash: _hidden, ...publicUser } = user;
    return { token, expiresAt, user: publicUser };
  }

  async authenticate(token: string): Promise<User> {
    const user = await this.node.repos.users.findBySession(tokenHash(token), this.node.clock.now().toISOString());
    if (!user) throw new DiboliError('ERR_UNAUTHENTICATED');
    return user;
  }

  /** The actor a signed-in user is on this node: a partner nation's officer carries its secondment while it holds. */
  actorFor(user: User): Promise<Actor> {
    return actorFor(this.node, user);
  }

  async logout(token: string): Promise<void> {
    await this.node.repos.users.deleteSession(tokenHash(token));
  }
}

/** Creates a user; used by `diboli user add` and the demo. */
export async function addUser(node: Pick<NodeContext, 'repos' | 'clock' | 'ids' | 'mechanism'>, input: NewUser): Promise<User> {
  const username = input.username.toLowerCase();
  if (!USERNAME.test(username)) {
    throw new DiboliError('ERR_VALIDATION', { detail: 'username: 2–64 characters a-z 0-9 . _ -' }, 'username');
  }
  if (!isNationCode(input.nation) || !node.mechanism.nations.includes(input.nation)) {
    throw new DiboliError('ERR_RELEASE_OUTSIDE_MECHANISM', { value: input.nation }, 'nation');
  }
  if (!isRole(input.role)) throw new DiboliError('ERR_VALIDATION', { detail: `role ${input.role}` }, 'role');
  if (input.password.length < MIN_PASSWORD) {
    throw new DiboliError('ERR_VALIDATION', { detail: `password: at least ${MIN_PASSWORD} characters` }, 'password');
  }
  if (await node.repos.users.findByUsername(username)) throw new DiboliError('ERR_USERNAME_TAKEN', { value: username }, 'username');
  const user: User = { id: node.ids.newId(), username, displayName: input.displayName ?? username, nation: input.nation, role: input.role };
  await node.repos.users.insert({ ...user, passwordHash: await hashPassword(input.password) }, node.clock.now().toISOString());
  return user;
}
