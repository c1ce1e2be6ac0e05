import type { SessionInfo, SessionRepository } from '../store/session-repository.js';
import type { Clock } from '../kernel/clock.js';

interface Watcher {
  session: SessionInfo;
  end: () => void;
}

/** How often expiry and sessions ended by another process are looked for while something is watched. */
export const SESSION_SWEEP_MS = 5_000;

/**
 * Ends what lives on a session — the open event streams — when the session ends. Logout on this
 * node ends its watchers at once; expiry is noticed by the clock; a session ended by another
 * process (`diboli user reset-2fa`, `user remove`, `user password`) is noticed by one query for
 * all watched sessions, made only when SQLite says another connection wrote to the file. Nothing
 * is checked per event sent.
 */
export class SessionWatch {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private timer: NodeJS.Timeout | undefined;
  private seenVersion: number | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
    private readonly sweepMs: number = SESSION_SWEEP_MS,
  ) {}

  /** Calls `end` once when the session ends; the returned function stops watching. */
  watch(session: SessionInfo, end: () => void): () => void {
    const watcher: Watcher = { session, end };
    let set = this.watchers.get(session.tokenHash);
    if (!set) this.watchers.set(session.tokenHash, (set = new Set()));
    set.add(watcher);
    // The session was found live before this call; the next sweep looks again, whatever the file says.
    this.seenVersion = undefined;
    this.startSweeping();
    return () => this.forget(watcher);
  }

  /** The session was ended here (logout). */
  ended(tokenHash: string): void {
    for (const watcher of [...(this.watchers.get(tokenHash) ?? [])]) this.finish(watcher);
  }

  /** Every session of the user was ended here. */
  endedForUser(userId: string): void {
    for (const set of [...this.watchers.values()]) {
      for (const watcher of [...set]) if (watcher.session.userId === userId) this.finish(watcher);
    }
  }

  /** Ends the watchers of expired sessions and of sessions removed by another process. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async sweepOnce(): Promise<void> {
    const now = this.clock.now().toISOString();
    for (const set of [...this.watchers.values()]) {
      for (const watcher of [...set]) if (watcher.session.expiresAt <= now) this.finish(watcher);
    }
    if (this.watchers.size === 0) return;
    const version = await this.sessions.changesFromElsewhere();
    if (version === this.seenVersion) return;
    this.seenVersion = version;
    const live = await this.sessions.liveAmong([...this.watchers.keys()], now);
    for (const tokenHash of [...this.watchers.keys()]) if (!live.has(tokenHash)) this.ended(tokenHash);
  }

  private startSweeping(): void {
    if (this.timer || this.sweepMs <= 0) return;
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), this.sweepMs);
    this.timer.unref();
  }

  private finish(watcher: Watcher): void {
    if (!this.forget(watcher)) return;
    watcher.end();
  }

  private forget(watcher: Watcher): boolean {
    const set = this.watchers.get(watcher.session.tokenHash);
    if (!set?.delete(watcher)) return false;
    if (set.size === 0) this.watchers.delete(watcher.session.tokenHash);
    if (this.watchers.size === 0) this.stop();
    return true;
  }
}
