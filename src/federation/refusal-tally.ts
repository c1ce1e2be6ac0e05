import type { DatabaseHandle } from '../store/handles.js';
import type { Clock } from '../kernel/clock.js';
import type { AuditEntry, AuditRepository } from '../store/audit-repository.js';
import type { FeedRefusalRepository, RefusalCount } from '../store/feed-guard-repository.js';

/** Past this many callers refused for one reason in one minute, the others share one count. */
const MAX_CALLERS_PER_MINUTE = 16;
export const OTHER_CALLERS = 'others';

export interface RefusalTallyDeps {
  db: DatabaseHandle;
  refusals: FeedRefusalRepository;
  audit: AuditRepository;
  clock: Clock;
}

/**
 * Refused partner requests in the audit log without one entry each: the first refusal of a minute,
 * reason and caller is audited at once (with what it asked), the others of that minute are counted
 * and written as one entry when the minute is over. The counts wait in the database, so a crash
 * loses none of them. A flood of bad requests thus adds at most two entries per minute, reason and
 * caller, and callers past the sixteenth in a minute share one count.
 */
export class RefusalTally {
  constructor(private readonly deps: RefusalTallyDeps) {}

  async refused(reason: string, caller: string, detail: Record<string, unknown>): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    const minute = minuteOf(at);
    await this.deps.db.transaction().execute(async (trx) => {
      const entries = closingEntries(await this.deps.refusals.takeBefore(trx, minute));
      const known = await this.deps.refusals.callers(trx, minute, reason);
      const who = known.includes(caller) || known.length < MAX_CALLERS_PER_MINUTE ? caller : OTHER_CALLERS;
      const count = await this.deps.refusals.add(trx, { minute, reason, caller: who });
      if (count === 1) entries.push({ action: 'feed.refused', detail: { minute, reason, caller: who, count: 1, ...detail } });
      await this.deps.audit.append(trx, at, entries);
    });
  }

  /** Writes the counts of the minutes that are over, or of every minute when the node stops. */
  async flush(everything = false): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      const entries = closingEntries(await this.deps.refusals.takeBefore(trx, everything ? undefined : minuteOf(at)));
      await this.deps.audit.append(trx, at, entries);
    });
  }
}

function minuteOf(iso: string): string {
  return iso.slice(0, 16);
}

/** The first refusal of each count was audited when it came: the entry closing it counts the rest. */
function closingEntries(counts: readonly RefusalCount[]): AuditEntry[] {
  return counts
    .filter((c) => c.count > 1)
    .map((c) => ({ action: 'feed.refused', detail: { minute: c.minute, reason: c.reason, caller: c.caller, count: c.count - 1, total: c.count } }));
}
