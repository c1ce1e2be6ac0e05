/**
 * Resuming the live stream (server-sent events). Each audience (nation) numbers the frames it is
 * sent in its own sequence, kept by the node across restarts; a client that comes back with
 * `Last-Event-ID: n` is sent the frames numbered after n that the node still keeps, then the live
 * ones. When frames after n were dropped by the retention bound, or n is not a number this
 * audience was ever given (another node, a database restored from an older copy), the client is
 * sent a `reset` instead and must load what it shows afresh.
 */

/** Where an audience's sequence stands: the last number given, the last one dropped by the bound. */
export interface StreamState {
  head: number;
  prunedThrough: number;
}

export type ResumePlan =
  /** No `Last-Event-ID`: a new client, which loads its picture by itself; live frames only. */
  | { kind: 'live' }
  /** Frames numbered after `after`, then the live ones. */
  | { kind: 'replay'; after: number }
  | { kind: 'reset'; reason: 'too-old' | 'unknown' };

const DIGITS = /^\d{1,15}$/;

export function resumePlan(lastEventId: string | undefined, state: StreamState): ResumePlan {
  if (lastEventId === undefined || lastEventId.trim() === '') return { kind: 'live' };
  const text = lastEventId.trim();
  if (!DIGITS.test(text)) return { kind: 'reset', reason: 'unknown' };
  const after = Number(text);
  if (after > state.head) return { kind: 'reset', reason: 'unknown' };
  if (after < state.prunedThrough) return { kind: 'reset', reason: 'too-old' };
  return { kind: 'replay', after };
}

/** One SSE frame; the body is JSON on one line, so it needs a single `data:` line. */
export function sseFrame(seq: number, event: string, data: string): string {
  return `id: ${seq}\nevent: ${event}\ndata: ${data}\n\n`;
}

/**
 * The key under which a frame is kept, so that it can be taken back from an audience that loses
 * what it tells of: the record's kind and id (positions are told per patrol).
 */
export function streamRecordKey(kind: 'incident' | 'patrol' | 'positions' | 'alert', id: string): string {
  return `${kind}:${id}`;
}
