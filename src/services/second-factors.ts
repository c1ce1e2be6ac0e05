import { createHash } from 'node:crypto';
import { Secret, TOTP as Totp } from 'otpauth';
import { DiboliError } from '../domain/errors.js';
import {
  groupedRecoveryCode,
  isFreshStep,
  isTotpCode,
  normalisedRecoveryCode,
  RECOVERY_CODE_COUNT,
  TOTP,
  TOTP_WINDOW,
  type SecondFactorState,
} from '../domain/second-factor.js';
import type { User } from '../domain/user.js';
import type { AccountKeys } from './account-keys.js';
import type { NodeContext } from './node-context.js';

export interface Enrolment {
  /** Base32, for typing into an authenticator by hand. */
  secret: string;
  /** `otpauth://totp/…`, what the QR code holds. */
  uri: string;
}

/** What an authenticator app holds for one user of a node: it shows "Diboli ML (coord.ml)". */
export function authenticatorOf(nation: string, username: string, base32Secret: string): Totp {
  return new Totp({ issuer: `Diboli ${nation}`, label: username, secret: Secret.fromBase32(base32Secret), ...TOTP });
}

const hashOf = (letters: string) => createHash('sha256').update(letters).digest('hex');

/** Second factors of the node's users: enrolment, codes (single use), recovery codes, reset. */
export class SecondFactors {
  constructor(
    private readonly node: Pick<NodeContext, 'repos' | 'clock' | 'nation'>,
    private readonly keys: AccountKeys,
  ) {}

  async state(userId: string): Promise<SecondFactorState> {
    const stored = await this.node.repos.secondFactors.find(userId);
    return !stored ? 'none' : stored.confirmedAt ? 'confirmed' : 'pending';
  }

  /** A new secret for the user's authenticator, pending until `confirm` gets a code made from it. */
  async begin(user: User): Promise<Enrolment> {
    const secret = new Secret({ size: 20 }).base32;
    const stored = await this.node.repos.secondFactors.begin(user.id, this.keys.seal(secret, user.id), this.now());
    if (!stored) throw new DiboliError('ERR_SECOND_FACTOR_ENROLLED');
    return { secret, uri: this.totp(user, secret).toString() };
  }

  /** The first code proves the authenticator holds the secret; returns the recovery codes, shown once. */
  async confirm(user: User, code: string): Promise<string[]> {
    const stored = await this.node.repos.secondFactors.find(user.id);
    if (!stored || stored.confirmedAt) throw new DiboliError('ERR_SECOND_FACTOR_NOT_STARTED');
    const step = this.stepOf(user, this.secretOf(user, stored.secret), code);
    if (step === undefined) throw new DiboliError('ERR_BAD_SECOND_FACTOR', {}, 'code');
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => new Secret({ size: 10 }).base32);
    if (!(await this.node.repos.secondFactors.confirm(user.id, step, codes.map(hashOf), this.now()))) {
      throw new DiboliError('ERR_SECOND_FACTOR_NOT_STARTED');
    }
    return codes.map(groupedRecoveryCode);
  }

  /**
   * True when `code` is the current code of the user's authenticator not used before, or one of
   * their unused recovery codes (then used up). A code accepted once is refused ever after.
   */
  async check(user: User, code: string): Promise<{ accepted: boolean; recoveryCodesLeft?: number }> {
    const stored = await this.node.repos.secondFactors.find(user.id);
    if (!stored?.confirmedAt) return { accepted: false };
    const recovery = normalisedRecoveryCode(code);
    if (recovery) {
      const accepted = await this.node.repos.secondFactors.takeRecoveryCode(user.id, hashOf(recovery));
      return accepted ? { accepted, recoveryCodesLeft: await this.node.repos.secondFactors.recoveryCodesLeft(user.id) } : { accepted };
    }
    const step = this.stepOf(user, this.secretOf(user, stored.secret), code);
    if (step === undefined || !isFreshStep(step, stored.lastStep)) return { accepted: false };
    return { accepted: await this.node.repos.secondFactors.takeStep(user.id, step) };
  }

  /** A confirmed second factor with a secret given by the caller (the demo's published ones). */
  async enrolWithSecret(user: User, base32Secret: string): Promise<void> {
    await this.node.repos.secondFactors.enrolConfirmed(user.id, this.keys.seal(Secret.fromBase32(base32Secret).base32, user.id), this.now());
  }

  /** The 30-second step `code` was made for, within the accepted drift, or undefined. */
  private stepOf(user: Pick<User, 'username'>, secret: string, code: string): number | undefined {
    if (!isTotpCode(code)) return undefined;
    const timestamp = this.node.clock.now().getTime();
    const delta = this.totp(user, secret).validate({ token: code.replace(/\s/g, ''), timestamp, window: TOTP_WINDOW });
    return delta === null ? undefined : Totp.counter({ period: TOTP.period, timestamp }) + delta;
  }

  private secretOf(user: User, sealed: string): string {
    const secret = this.keys.open(sealed, user.id);
    if (secret === undefined) throw new DiboliError('ERR_SECOND_FACTOR_UNREADABLE');
    return secret;
  }

  private totp(user: Pick<User, 'username'>, secret: string): Totp {
    return authenticatorOf(this.node.nation, user.username, secret);
  }

  private now(): string {
    return this.node.clock.now().toISOString();
  }
}
