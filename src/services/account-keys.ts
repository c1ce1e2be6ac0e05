import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Beside `diboli.db`, never inside it: see `AccountKeys`. */
export const ACCOUNT_KEY_FILE = 'account.key';

const SEALED_PREFIX = 'v1.';

/**
 * The node's key for account secrets, in its own file of the data folder (mode 0600). Second-factor
 * secrets are sealed with it (AES-256-GCM, the user's id bound in), so a copy of the database
 * alone — a backup, a file sent for diagnosis, a read through some future query bug — does not
 * give away the codes of every coordinator; and known-device cookies are signed with it. It does
 * not protect against someone who reads the whole data folder. Losing the file only costs a
 * `diboli user reset-2fa` per enrolled user; cookies signed with it simply stop counting.
 */
export class AccountKeys {
  private readonly sealing: Buffer;
  private readonly signing: Buffer;

  constructor(master: Buffer) {
    this.sealing = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'diboli second-factor secrets', 32));
    this.signing = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'diboli known-device cookies', 32));
  }

  /** Reads the data folder's key, making it on first use (whoever comes first, CLI or server, wins). */
  static inDataFolder(dataDir: string): AccountKeys {
    const path = join(dataDir, ACCOUNT_KEY_FILE);
    try {
      writeFileSync(path, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const master = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (master.length !== 32) throw new Error(`${path}: expected 32 bytes of base64`);
    return new AccountKeys(master);
  }

  seal(plain: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealing, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The sealed text, or undefined when it was sealed with another key or for someone else. */
  open(sealed: string, boundTo: string): string | undefined {
    if (!sealed.startsWith(SEALED_PREFIX)) return undefined;
    const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
    if (bytes.length < 29) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealing, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  sign(text: string): string {
    return createHmac('sha256', this.signing).update(text).digest('base64url');
  }

  verify(text: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(text), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
