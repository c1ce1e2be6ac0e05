import { Agent, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** One tile as a map received it: how long it took, and what came back. */
export interface TileAnswer {
  ms: number;
  status: number;
  etag: string;
  bytes: number;
  /** How long the same tile took asked again with its ETag (a 304), when asked. */
  revalidatedMs?: number;
}

interface Asked {
  urls: string[];
  headers: Record<string, string>;
  revalidate: boolean;
}

/**
 * One GET, on a connection of its own unless `agent` keeps one open (as a browser does). A kept
 * connection outlives the in-process measurements between requests, which hold the event loop for
 * up to three seconds at low zoom: the node closes idle connections after 72 s.
 */
export function fetchTile(
  url: string,
  headers: Record<string, string>,
  agent: Agent | false = false,
): Promise<{ status: number; etag: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, etag: String(response.headers.etag ?? ''), bytes }));
    }).on('error', reject);
  });
}

/**
 * One map asking `urls` one at a time, as a browser does (one kept connection), on a thread of its
 * own: as a browser on another machine, its requests and its reading of answers do not take the
 * node's event loop. Asked from the node's thread, they added a tenth of a millisecond to each tile
 * timed, a third of a zoom 14 tile's own work. With `revalidate`, each tile is asked again at once
 * with its ETag and must come back 304.
 */
export function askInTurn(urls: string[], headers: Record<string, string>, revalidate = false): Promise<TileAnswer[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { urls, headers, revalidate } satisfies Asked });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function run({ urls, headers, revalidate }: Asked): Promise<TileAnswer[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const answers: TileAnswer[] = [];
  for (const url of urls) {
    let t = performance.now();
    const answer = await fetchTile(url, headers, agent);
    const ms = performance.now() - t;
    if (!revalidate) {
      answers.push({ ms, ...answer });
      continue;
    }
    t = performance.now();
    const again = await fetchTile(url, { ...headers, 'if-none-match': answer.etag }, agent);
    if (again.status !== 304) throw new Error(`expected 304, got ${again.status}`);
    answers.push({ ms, ...answer, revalidatedMs: performance.now() - t });
  }
  agent.destroy();
  return answers;
}

if (!isMainThread) parentPort!.postMessage(await run(workerData as Asked));
