/**
 * Where accepted nonces are kept. The node keeps them in its database (`store/feed-guard-repository.ts`),
 * so that a captured request stays refused after a restart; tests may keep them in memory.
 */
export interface NonceStore {
  /** Remembers the nonce until `forgetAt` (ms); false when it is already remembered. */
  remember(nonce: string, forgetAt: number): Promise<boolean>;
  /** Forgets every nonce whose time has come. */
  forgetUntil(nowMs: number): Promise<void>;
}

export class MemoryNonces implements NonceStore {
  private readonly seen = new Map<string, number>();

  async remember(nonce: string, forgetAt: number): Promise<boolean> {
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, forgetAt);
    return true;
  }

  async forgetUntil(nowMs: number): Promise<void> {
    for (const [nonce, forgetAt] of this.seen) if (forgetAt <= nowMs) this.seen.delete(nonce);
  }

  get size(): number {
    return this.seen.size;
  }
}

/**
 * Remembers the nonces of accepted requests for as long as their timestamp stays inside the
 * replay window, so a captured request cannot be played again; older requests are refused by
 * their timestamp alone, which is why forgetting them then is safe. Only requests signed by a
 * registered peer get this far, so what is kept is bounded by the peers' own request rate.
 */
export class ReplayGuard {
  private nextSweep = 0;

  constructor(
    private readonly windowMs: number,
    private readonly nonces: NonceStore = new MemoryNonces(),
  ) {}

  /** True the first time a nonce is offered inside the window; false for a replay. */
  async accept(nonce: string, nowMs: number): Promise<boolean> {
    await this.sweep(nowMs);
    // A timestamp may be off by a whole window either way: keep the nonce for two.
    return this.nonces.remember(nonce, nowMs + 2 * this.windowMs);
  }

  private async sweep(nowMs: number): Promise<void> {
    if (nowMs < this.nextSweep) return;
    this.nextSweep = nowMs + Math.max(1000, this.windowMs / 10);
    await this.nonces.forgetUntil(nowMs);
  }
}
