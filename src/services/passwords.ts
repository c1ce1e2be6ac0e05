import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt parameters: N=2^15, r=8 → 32 MiB and ~50 ms per hash on a small server core.
const PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** The slow key derivation; behind a type so that tests can count how many times it runs. */
export type KeyDerivation = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) => Promise<Buffer>;

export const scryptDerivation: KeyDerivation = (password, salt, keyLength, options) =>
  new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, { ...options, maxmem: 128 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );

/**
 * Password hashes: `scrypt$N$r$p$salt$hash` (base64url), so parameters can be raised later
 * without breaking old hashes.
 */
export class Passwords {
  constructor(private readonly derive: KeyDerivation = scryptDerivation) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await this.derive(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS);
    return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64url');
    const key = await this.derive(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), KEY_LENGTH, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    });
    return key.length === expected.length && timingSafeEqual(key, expected);
  }

  /**
   * The work a wrong password for a real user costs, spent for a username nobody holds: the
   * answer then takes as long either way and does not tell which usernames exist. Always false.
   */
  async verifyNobody(password: string): Promise<false> {
    await this.verify(password, NOBODY);
    return false;
  }
}

/**
 * A stored hash with today's parameters that no password matches: its key is random bytes, not
 * the result of a derivation, so checking a password against it costs one scrypt like any other.
 */
const NOBODY = ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, randomBytes(16).toString('base64url'), randomBytes(KEY_LENGTH).toString('base64url')].join('$');

const standard = new Passwords();

export function hashPassword(password: string): Promise<string> {
  return standard.hash(password);
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  return standard.verify(password, stored);
}
