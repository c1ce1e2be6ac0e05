import type { Clock } from './runtime.js';

/**
 * Counts login attempts per key (username, and client address) in a sliding minute. Kept in
 * memory: a restart forgives, which is acceptable for slowing down guessing.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Seconds to wait before the next attempt for any of the keys, or 0 when allowed. */
  retryAfter(keys: readonly string[]): number {
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.perMinute) wait = Math.max(wait, Math.ceil((recent[0]! + 60_000 - now) / 1000));
    }
    return wait;
  }

  record(keys: readonly string[]): void {
    const now = this.clock.now().getTime();
    for (const key of keys) this.attempts.set(key, [...this.recent(key, now), now]);
  }

  forget(key: string): void {
    this.attempts.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((t) => t > now - 60_000);
  }
}
