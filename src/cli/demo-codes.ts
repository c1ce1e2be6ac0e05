import { Secret, TOTP as Totp } from 'otpauth';
import { TOTP } from '../domain/second-factor.js';
import { DEMO_SECOND_FACTORS } from './demo-content.js';

/**
 * The authenticator apps of the demo's users, for the tests, benchmarks and scripts that log in.
 * A code is accepted once, and the node also takes the code of the step after the current one:
 * each call gives the current step's code, or the next step's when the current one was given
 * already, so two logins of one user fit in one 30-second step. (The previous step's code is never
 * given: a step changing between here and the node's check would make it too old.)
 */
export class DemoAuthenticators {
  private readonly lastStep = new Map<string, number>();
  private readonly secrets = new Map<string, string>(Object.entries(DEMO_SECOND_FACTORS));

  /** Keeps the secret of an account enrolled after the demo was made (a test's own coordinator). */
  learn(username: string, secret: string): void {
    this.secrets.set(username, secret);
  }

  /** A code not given before for `username` at time `at`, or undefined for users without a second factor. */
  codeFor(username: string, at: Date): string | undefined {
    const secret = this.secrets.get(username);
    if (!secret) return undefined;
    const current = Math.floor(at.getTime() / 1000 / TOTP.period);
    const step = Math.max(current, (this.lastStep.get(username) ?? -Infinity) + 1);
    if (step > current + 1) throw new Error(`${username}: every code valid at ${at.toISOString()} was used already`);
    this.lastStep.set(username, step);
    return Totp.generate({ secret: Secret.fromBase32(secret), ...TOTP, timestamp: step * TOTP.period * 1000 });
  }
}
