import { workerData } from 'node:worker_threads';
import { openReader } from '../store/database.js';
import { IncidentCellCountRepository } from '../store/incident-cell-counts.js';
import { IncidentTileRepository } from '../store/incident-tile-repository.js';
import { IncidentTileMaker, type IncidentTileOrder } from './incident-tile-maker.js';

// A tile thread (see `tile-threads.ts`): its own read-only connection to the node's database, opened
// once when the thread starts, and the same maker the node's thread would use.
const store = openReader((workerData as { dataDir: string }).dataDir);
const maker = new IncidentTileMaker(new IncidentTileRepository(store), new IncidentCellCountRepository(store.db));

export default function makeTile(order: IncidentTileOrder): Promise<Uint8Array> {
  return maker.make(order);
}
