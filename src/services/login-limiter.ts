import { DiboliError } from '../domain/errors.js';
import type { Clock } from '../kernel/clock.js';

/** One key's share of an attempt: a username, a client address or a known device. */
export interface Budget {
  key: string;
  /** Attempts allowed per window for this key. */
  limit: number;
}

/** A place taken under every budget of one attempt, given back when the attempt succeeds. */
export interface Reservation {
  /** The attempt succeeded: it does not count against anyone. */
  release(): void;
}

const WINDOW_MS = 60_000;
/** Above this many keys, those with nothing recent are dropped (a spray of random usernames). */
const PRUNE_ABOVE = 10_000;

interface Attempt {
  at: number;
}

/**
 * Login attempts per key in a sliding minute. An attempt takes its place *before* the password
 * is hashed, in one synchronous step over all its keys, so concurrent requests cannot overtake the
 * limit: the 11th of 200 simultaneous guesses is refused without a hash. A successful attempt
 * gives its place back; a failed one keeps it for the rest of the minute.
 *
 * Kept in memory: a restart forgives at most one minute of attempts, and only the operator can
 * restart the node, while persisting would cost a write per guess.
 */
export class LoginLimiter {
  private readonly attempts = new Map<string, Attempt[]>();

  constructor(private readonly clock: Clock) {}

  /** Takes a place under every budget, or none: throws ERR_TOO_MANY_ATTEMPTS when one is full. */
  reserve(budgets: readonly Budget[]): Reservation {
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const { key, limit } of budgets) {
      const recent = this.recent(key, now);
      if (recent.length >= limit) wait = Math.max(wait, Math.ceil((recent[0]!.at + WINDOW_MS - now) / 1000));
    }
    if (wait > 0) throw new DiboliError('ERR_TOO_MANY_ATTEMPTS', { seconds: wait });
    const attempt: Attempt = { at: now };
    for (const { key } of budgets) this.attempts.get(key)!.push(attempt);
    if (this.attempts.size > PRUNE_ABOVE) this.prune(now);
    return {
      release: () => {
        for (const { key } of budgets) {
          const list = this.attempts.get(key);
          const index = list?.indexOf(attempt) ?? -1;
          if (index >= 0) list!.splice(index, 1);
        }
      },
    };
  }

  /** The attempts of the last minute under `key`, older ones dropped. */
  private recent(key: string, now: number): Attempt[] {
    const list = this.attempts.get(key) ?? [];
    const firstRecent = list.findIndex((a) => a.at > now - WINDOW_MS);
    const recent = firstRecent < 0 ? [] : firstRecent === 0 ? list : list.slice(firstRecent);
    this.attempts.set(key, recent);
    return recent;
  }

  private prune(now: number): void {
    for (const [key, list] of this.attempts) {
      if (!list.some((a) => a.at > now - WINDOW_MS)) this.attempts.delete(key);
    }
  }
}
