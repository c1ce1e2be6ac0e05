/**
 * Remembers the nonces of accepted requests for as long as their timestamp stays inside the
 * replay window, so a captured request cannot be played again; older requests are refused by
 * their timestamp alone, which is why forgetting them then is safe.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  constructor(private readonly windowMs: number) {}

  /** True the first time a nonce is offered inside the window; false for a replay. */
  accept(nonce: string, nowMs: number): boolean {
    this.sweep(nowMs);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, nowMs + 2 * this.windowMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private sweep(nowMs: number): void {
    if (nowMs < this.nextSweep) return;
    this.nextSweep = nowMs + Math.max(1000, this.windowMs / 10);
    for (const [nonce, forgetAt] of this.seen) if (forgetAt <= nowMs) this.seen.delete(nonce);
  }
}
