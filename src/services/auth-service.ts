import { createHash, randomBytes } from 'node:crypto';
import { DiboliError } from '../domain/errors.js';
import { secondFactorDemand } from '../domain/second-factor.js';
import type { NationCode } from '../kernel/nation.js';
import type { Actor, Secondment, User } from '../domain/user.js';
import type { SessionInfo } from '../store/session-repository.js';
import type { UserWithHash } from '../store/user-repository.js';
import { AccountKeys } from './account-keys.js';
import { KnownDevices } from './known-devices.js';
import { LoginLimiter, type Budget } from './login-limiter.js';
import type { NodeContext } from './node-context.js';
import { Passwords } from './passwords.js';
import { SecondFactors, type Enrolment } from './second-factors.js';
import { actorFor } from './secondments.js';
import { SessionWatch } from './session-watch.js';
import { HOUR_MS } from '../kernel/durations.js';

export { addUser, type NewUser } from './accounts.js';

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
  /** The known-device cookie this browser keeps from now on (see KnownDevices). */
  deviceCookie: string;
  /** After a login with a recovery code: how many are left. */
  recoveryCodesLeft?: number;
}

export interface Credentials {
  username: string;
  password: string;
  /** The authenticator's current code, or a recovery code, for users with a second factor. */
  code?: string;
}

/** Where an attempt comes from: the client's address and the known-device cookie it sent. */
export interface LoginClient {
  address: string;
  deviceCookie?: string;
}

/** Who a signed-in user is on this node: the account, the node's nation and the secondment acted under (null when none). */
export interface SignedInUser extends User {
  nodeNation: NationCode;
  secondment: Secondment | null;
}

export interface AuthOptions {
  /** The password hasher (tests pass one that counts its hashes). */
  passwords?: Passwords;
  /** How often expiry and sessions ended elsewhere are looked for (SessionWatch); 0 never. */
  sessionSweepMs?: number;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function withoutHash({ passwordHash: _hidden, ...user }: UserWithHash): User {
  return user;
}

/**
 * Logging in, second factors and sessions. Every attempt — password, code, enrolment — first
 * takes a place in the login limiter, then costs exactly one password hash whether or not the
 * username exists; only then is anything about the account looked at.
 */
export class AuthService {
  readonly sessions: SessionWatch;
  readonly secondFactors: SecondFactors;
  private readonly limiter: LoginLimiter;
  private readonly passwords: Passwords;
  private readonly devices: KnownDevices;

  constructor(
    private readonly node: NodeContext,
    options: AuthOptions = {},
  ) {
    const keys = AccountKeys.inDataFolder(node.config.dataDir);
    this.passwords = options.passwords ?? new Passwords();
    this.limiter = new LoginLimiter(node.clock);
    this.devices = new KnownDevices(keys, node.clock);
    this.secondFactors = new SecondFactors(node, keys);
    this.sessions = new SessionWatch(node.repos.sessions, node.clock, options.sessionSweepMs);
  }

  /**
   * Password, then — for a user with a second factor — its code, in one request: nothing is kept
   * between the two, and a guessed code costs a password check and a place in the limiter like a
   * guessed password. Without a code the answer says one is needed (only to whoever knew the
   * password); a coordinator or administrator without a second factor is told to enrol.
   */
  async login(credentials: Credentials, client: LoginClient): Promise<LoginResult> {
    return this.withPassword(credentials, client, async (user, release) => {
      const demand = secondFactorDemand(user.role, await this.secondFactors.state(user.id));
      if (demand === 'enrolment') {
        release();
        throw new DiboliError('ERR_SECOND_FACTOR_ENROLMENT_REQUIRED');
      }
      let recoveryCodesLeft: number | undefined;
      if (demand === 'code') {
        if (!credentials.code) {
          release();
          throw new DiboliError('ERR_SECOND_FACTOR_REQUIRED', {}, 'code');
        }
        const checked = await this.secondFactors.check(user, credentials.code);
        if (!checked.accepted) throw new DiboliError('ERR_BAD_SECOND_FACTOR', {}, 'code');
        recoveryCodesLeft = checked.recoveryCodesLeft;
      }
      release();
      const session = await this.openSession(user, client);
      return recoveryCodesLeft === undefined ? session : { ...session, recoveryCodesLeft };
    });
  }

  /** Step 1 of enrolment: a new secret for the authenticator (the password proves who asks). */
  async beginEnrolment(credentials: Credentials, client: LoginClient): Promise<Enrolment> {
    return this.withPassword(credentials, client, async (user, release) => {
      release();
      return this.secondFactors.begin(user);
    });
  }

  /** Step 2: the authenticator's first code confirms it; a full session and the recovery codes, shown once. */
  async confirmEnrolment(credentials: Credentials & { code: string }, client: LoginClient): Promise<LoginResult & { recoveryCodes: string[] }> {
    return this.withPassword(credentials, client, async (user, release) => {
      const recoveryCodes = await this.secondFactors.confirm(user, credentials.code);
      release();
      return { ...(await this.openSession(user, client)), recoveryCodes };
    });
  }

  async authenticate(token: string): Promise<User> {
    const user = await this.node.repos.users.findBySession(tokenHash(token), this.now());
    if (!user) throw new DiboliError('ERR_UNAUTHENTICATED');
    return user;
  }

  /** The actor a signed-in user is on this node: a partner nation's officer carries its secondment while it holds. */
  actorFor(user: User): Promise<Actor> {
    return actorFor(this.node, user);
  }

  async signedIn(actor: Actor): Promise<SignedInUser> {
    const found = await this.node.repos.users.findByUsername(actor.username);
    // The account was removed while its session was being checked: the session is gone with it.
    if (!found) throw new DiboliError('ERR_UNAUTHENTICATED');
    const { id, username, displayName, nation, role } = found;
    const secondment = actor.secondment
      ? { id: actor.secondment.id, issuer: actor.secondment.issuer, role: actor.secondment.role, expiresAt: actor.secondment.expiresAt }
      : null;
    return { id, username, displayName, nation, role, nodeNation: this.node.nation, secondment };
  }

  /** The live session behind a token, for what must end with it (the event stream). */
  async sessionOf(token: string): Promise<SessionInfo> {
    const session = await this.node.repos.sessions.find(tokenHash(token), this.now());
    if (!session) throw new DiboliError('ERR_UNAUTHENTICATED');
    return session;
  }

  async logout(token: string): Promise<void> {
    const hash = tokenHash(token);
    await this.node.repos.users.deleteSession(hash);
    this.sessions.ended(hash);
  }

  close(): void {
    this.sessions.stop();
  }

  /**
   * Takes the attempt's place in the limiter — synchronously, before anything is awaited, so
   * concurrent attempts cannot overtake the limit — then checks the password: against the user's
   * hash, or a hash nobody matches for an unknown username (same cost). `then` runs for a right
   * password and calls `release` once the attempt turned out not to be a wrong guess; an attempt
   * that is not released counts against the limit for the rest of the minute.
   */
  private async withPassword<T>(credentials: Credentials, client: LoginClient, then: (user: User, release: () => void) => Promise<T>): Promise<T> {
    const username = credentials.username.toLowerCase();
    const reservation = this.limiter.reserve(this.budgets(username, client));
    const found = await this.node.repos.users.findByUsername(username);
    const matches = found ? await this.passwords.verify(credentials.password, found.passwordHash) : await this.passwords.verifyNobody(credentials.password);
    if (!found || !matches) throw new DiboliError('ERR_BAD_CREDENTIALS');
    return then(withoutHash(found), () => reservation.release());
  }

  /**
   * A browser that already logged in as this user (known-device cookie) counts under its own
   * budget, and not under the user's or the address's: neither a guesser of the username nor
   * colleagues' typos behind the same address lock it out. Every other attempt counts under the
   * username's budget and under the address's looser one (a coordination centre is one address).
   */
  private budgets(username: string, client: LoginClient): Budget[] {
    const perMinute = this.node.config.loginAttemptsPerMinute;
    const device = this.devices.deviceOf(client.deviceCookie, username);
    if (device) return [{ key: `device:${device}`, limit: perMinute }];
    return [
      { key: `user:${username}`, limit: perMinute },
      { key: `address:${client.address}`, limit: perMinute * 5 },
    ];
  }

  private async openSession(user: User, client: LoginClient): Promise<LoginResult> {
    const token = randomBytes(32).toString('base64url');
    const now = this.node.clock.now();
    const expiresAt = new Date(now.getTime() + this.node.config.tokenTtlHours * HOUR_MS).toISOString();
    await this.node.repos.users.insertSession(tokenHash(token), user.id, now.toISOString(), expiresAt);
    return { token, expiresAt, user, deviceCookie: this.devices.remember(client.deviceCookie, user.username) };
  }

  private now(): string {
    return this.node.clock.now().toISOString();
  }
}
