import { randomBytes } from 'node:crypto';
import type { AccountKeys } from './account-keys.js';
import type { Clock } from '../kernel/clock.js';

export const DEVICE_COOKIE = 'diboli_device';
export const DEVICE_LIFETIME_DAYS = 180;
/** A shared workstation of a coordination centre is known for its last few users. */
const MAX_USERS_PER_BROWSER = 8;

interface Entry {
  username: string;
  deviceId: string;
  issuedAt: number;
  raw: string;
}

/**
 * "Known device" cookies: a browser where a user once logged in fully (password, and second factor
 * where needed) carries a signed entry naming that user. It vouches for nothing else — it opens no
 * session — but it lets that user's attempts from that browser skip the per-address budget and
 * count under the device's own budget, so that a colleague behind the same address, or someone
 * guessing at the user's name, cannot lock the user out of a browser they already use.
 *
 * Cookie value: entries `base64url(username).deviceId.issuedAtSeconds.signature`, joined by `~`.
 */
export class KnownDevices {
  constructor(
    private readonly keys: AccountKeys,
    private readonly clock: Clock,
  ) {}

  /** The device id the cookie vouches for as `username`'s browser, if it does. */
  deviceOf(cookie: string | undefined, username: string): string | undefined {
    return this.entries(cookie).find((e) => e.username === username)?.deviceId;
  }

  /** The cookie to send back after `username` logged in fully on this browser. */
  remember(cookie: string | undefined, username: string): string {
    const others = this.entries(cookie).filter((e) => e.username !== username);
    const deviceId = this.deviceOf(cookie, username) ?? randomBytes(12).toString('base64url');
    const payload = `${Buffer.from(username, 'utf8').toString('base64url')}.${deviceId}.${Math.floor(this.clock.now().getTime() / 1000)}`;
    const fresh = `${payload}.${this.keys.sign(payload)}`;
    return [fresh, ...others.slice(0, MAX_USERS_PER_BROWSER - 1).map((e) => e.raw)].join('~');
  }

  private entries(cookie: string | undefined): Entry[] {
    if (!cookie) return [];
    const oldest = this.clock.now().getTime() / 1000 - DEVICE_LIFETIME_DAYS * 86_400;
    const entries: Entry[] = [];
    for (const raw of cookie.split('~').slice(0, MAX_USERS_PER_BROWSER)) {
      const [name, deviceId, issued, signature] = raw.split('.');
      if (!name || !deviceId || !issued || !signature) continue;
      if (!this.keys.verify(`${name}.${deviceId}.${issued}`, signature)) continue;
      const issuedAt = Number(issued);
      if (!Number.isInteger(issuedAt) || issuedAt < oldest) continue;
      entries.push({ username: Buffer.from(name, 'base64url').toString('utf8'), deviceId, issuedAt, raw });
    }
    return entries;
  }
}
