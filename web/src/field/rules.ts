/**
 * The field app's rules as plain data in and out: what leaves the outbox next, what an answer of
 * the node means for the items sent, when to try again, which fix to keep, how big a photo gets.
 */

/** What the leader recorded and the node has not yet taken. `id` is the node's clientId for it. */
export type OutboxRecord =
  | { kind: 'start' | 'complete'; id: string; patrolId: string; userId: string; at: string }
  | { kind: 'position'; id: string; patrolId: string; userId: string; at: string; lat: number; lon: number }
  | {
      kind: 'observation';
      id: string;
      patrolId: string;
      userId: string;
      at: string;
      location: { lat: number; lon: number } | null;
      eventType: string | null;
      counts: Counts;
      text: string;
    }
  | { kind: 'photo'; id: string; patrolId: string; userId: string; at: string; observationId: string; photo: Blob; contentType: string }
  | { kind: 'debrief'; id: string; patrolId: string; userId: string; at: string; text: string };

/** Blank is unknown (null), never zero. */
export interface Counts {
  people: number | null;
  fatalities: number | null;
  injured: number | null;
}

/** An item as held: `seq` is the order it was recorded in (IndexedDB's own key). */
export type Queued = OutboxRecord & { seq: number };

/**
 * Positions travel together, this many to a request: about 40 KB of JSON, a few seconds on a GPRS
 * link, while each request costs the phone a write to IndexedDB and a radio wake-up.
 */
export const POSITIONS_PER_BATCH = 500;

/**
 * The next request to make: the oldest item of this user, and with it the positions of the same
 * patrol recorded right after it. The outbox leaves in the order it was recorded, so a patrol is
 * started before its positions, an observation is sent before its photos and the end of the patrol
 * before its debrief.
 */
export function nextBatch(queue: readonly Queued[], userId: string, perBatch = POSITIONS_PER_BATCH): Queued[] {
  const mine = queue.filter((item) => item.userId === userId).sort((a, b) => a.seq - b.seq);
  const head = mine[0];
  if (!head) return [];
  if (head.kind !== 'position') return [head];
  const batch: Queued[] = [];
  for (const item of mine) {
    if (item.kind !== 'position' || item.patrolId !== head.patrolId || batch.length >= perBatch) break;
    batch.push(item);
  }
  return batch;
}

/** What an answer of the node means for the items it was about. */
export type Outcome =
  | { kind: 'done' }
  /** Kept on the device and shown to the leader: the node will not take it as it is. */
  | { kind: 'refused'; code: string; message: string }
  /** No link, the node is busy or down: the same request later. */
  | { kind: 'retry' }
  /** The session ended: the leader logs in again, the outbox waits. */
  | { kind: 'login' }
  /** A lifecycle step the node answers with a conflict: done if the patrol is already where it was sent. */
  | { kind: 'check-status' };

export function outcomeOf(item: Pick<OutboxRecord, 'kind'>, status: number, body: { code?: string; message?: string } | undefined): Outcome {
  if (status >= 200 && status < 300) return { kind: 'done' };
  if (status === 401) return { kind: 'login' };
  if (status === 408 || status === 429 || status >= 500 || status === 0) return { kind: 'retry' };
  if (status === 409 && (item.kind === 'start' || item.kind === 'complete')) return { kind: 'check-status' };
  return { kind: 'refused', code: body?.code ?? `HTTP_${status}`, message: body?.message ?? `HTTP ${status}` };
}

/** Whether a patrol in `status` already went where a `start` or `complete` would take it. */
export function alreadyThere(kind: 'start' | 'complete', status: string): boolean {
  return kind === 'start' ? status === 'underway' || status === 'completed' : status === 'completed';
}

/** Waits between failed attempts: 2 s doubling to 5 min, with a tenth of jitter so devices spread out. */
export function retryDelayMs(failures: number, random = Math.random()): number {
  const base = Math.min(5 * 60_000, 2000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.9 + random * 0.2));
}

/** The position intervals a leader may choose, in seconds. */
export const INTERVALS_S = [15, 30, 60, 120, 300] as const;
export const DEFAULT_INTERVAL_S = 30;

/**
 * Whether a fix taken at `fixAt` is kept, the last kept one taken at `lastAt`: one per chosen
 * interval (a fix a little early counts, since the receiver does not tick exactly).
 */
export function keepsFix(fixAt: number, lastAt: number | null, intervalS: number): boolean {
  return lastAt === null || fixAt - lastAt >= intervalS * 1000 * 0.9;
}

/** A photo's longest side on the device and in the node. */
export const PHOTO_MAX_SIDE = 1600;
/** Bigger than this after resizing, a photo is encoded again at a lower quality. */
export const PHOTO_MAX_BYTES = 1_500_000;
/** The node's own limit: a photo that stays above it is not sent. */
export const PHOTO_HARD_LIMIT_BYTES = 5 * 1024 * 1024;

export function scaledSize(width: number, height: number, maxSide = PHOTO_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** A count as typed: blank is unknown; anything but a whole number ≥ 0 is not a count. */
export function parseCount(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** The node's path and body for one request of the outbox (photos are sent as their bytes). */
export function requestOf(batch: readonly OutboxRecord[], observationNodeId?: string): { method: string; path: string; body: unknown } {
  const head = batch[0]!;
  const patrol = `/api/v1/patrols/${encodeURIComponent(head.patrolId)}`;
  switch (head.kind) {
    case 'start':
    case 'complete':
      return { method: 'POST', path: `${patrol}/${head.kind}`, body: {} };
    case 'position':
      return {
        method: 'POST',
        path: `${patrol}/positions`,
        body: {
          positions: batch.map((item) => (item.kind === 'position' ? { clientId: item.id, at: item.at, lat: item.lat, lon: item.lon } : null)),
          reportedVia: 'field',
        },
      };
    case 'observation':
      return {
        method: 'POST',
        path: `${patrol}/observations`,
        body: {
          clientId: head.id,
          at: head.at,
          location: head.location,
          eventType: head.eventType,
          counts: head.counts,
          text: head.text,
          reportedVia: 'field',
        },
      };
    case 'photo':
      return { method: 'POST', path: `${patrol}/observations/${encodeURIComponent(observationNodeId ?? '')}/photos`, body: head.photo };
    case 'debrief':
      return { method: 'PUT', path: `${patrol}/debrief`, body: { text: head.text } };
  }
}
