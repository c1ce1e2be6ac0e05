import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { IncidentTileOrder } from './incident-tile-maker.js';

/** Makes incident tiles away from the node's thread. */
export interface TileThreads {
  make(order: IncidentTileOrder): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Threads that make incident tiles, started with the node so that the first maps do not wait for
 * them. A tile's reads and encoding take milliseconds of the one thread that also answers every
 * request: a hundred maps opening together queued behind the tiles each made in turn. Made on
 * threads of their own, the node's thread keeps answering (sessions, ETags, cached tiles) and the
 * machine's other cores make tiles. Undefined (tiles made on the node's thread) when no thread is
 * asked for, or where the thread's compiled file is absent: the node runs from its TypeScript
 * sources (tests), which a thread cannot load.
 */
export function startTileThreads(dataDir: string, threads: number): TileThreads | undefined {
  const filename = fileURLToPath(new URL('./incident-tile-thread.js', import.meta.url));
  if (threads < 1 || !existsSync(filename)) return undefined;
  const pool = new Piscina<IncidentTileOrder, Uint8Array>({ filename, workerData: { dataDir }, minThreads: threads, maxThreads: threads });
  return { make: (order) => pool.run(order), close: () => pool.destroy() };
}
