import { Agent, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { tileAt, type TileAddress } from '../src/geo/web-tiles.js';

/**
 * Maps panning near Diboli, run on a thread of their own: as browsers on other machines, their
 * requests, connections and reading of answers do not take the node's event loop, which the
 * latencies measured would otherwise count as the node's. Each map keeps its connections open
 * between tiles (at most six, as a browser does per site) and asks the tiles of its view in turn.
 */
export interface MapClients {
  url: string;
  headers: Record<string, string>;
  clients: number;
  tilesPerClient: number;
  zoom: number;
  /** The list's filters the maps ask with (a period start no other run used: tiles made afresh). */
  query: string;
}

/** Latencies of every tile asked, in milliseconds. */
export function panMaps(load: MapClients): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: load });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function fetchKeptAlive(url: string, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });
}

/** The tiles map `client` asks in turn: a view of 4 by 3 tiles, its start a few kilometres from the others'. */
export function mapViews(client: number, tilesPerClient: number, zoom: number): TileAddress[] {
  const start = tileAt(zoom, -12.6 + (client % 10) * 0.08, 14.1 + Math.floor(client / 10) * 0.08);
  return Array.from({ length: tilesPerClient }, (_, step) => ({ z: zoom, x: start.x + (step % 4), y: start.y + Math.floor(step / 4) }));
}

async function run({ url, headers, clients, tilesPerClient, zoom, query }: MapClients): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 6 });
      for (const address of mapViews(client, tilesPerClient, zoom)) {
        const t = performance.now();
        const status = await fetchKeptAlive(`${url}/api/v1/tiles/incidents/${address.z}/${address.x}/${address.y}.mvt?${query}`, headers, agent);
        if (status !== 200) throw new Error(`tile ${address.z}/${address.x}/${address.y}: ${status}`);
        latencies.push(performance.now() - t);
      }
      agent.destroy();
    }),
  );
  return latencies;
}

if (!isMainThread) parentPort!.postMessage(await run(workerData as MapClients));
