/**
 * News extractor benchmark: articles per second on one core (in process, start-up excluded),
 * memory peak, and the start-to-result time of `diboli extract` for one item beside the start
 * time of a bare `node -e 0` measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteerWithNeighbours } from '../src/geo/gazetteer.js';
import type { Article } from '../src/osint/article.js';
import { extract } from '../src/osint/extract.js';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The corpus's train and dev items (the test split is read only by the scorer). */
function corpusItems(root: string): { articles: Article[]; files: string[]; source: string } {
  const folder = join(root, 'corpus', 'items');
  const splits = JSON.parse(readFileSync(join(root, 'corpus', 'splits.json'), 'utf8')) as { train: string[]; dev: string[] };
  const files = [...splits.train, ...splits.dev].map((id) => join(folder, `${id}.json`));
  const articles = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Article);
  return { articles, files, source: folder };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timeProcess(command: string, args: string[], cwd: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function benchExtract(print: (line: string) => void): Promise<void> {
  const root = packageRoot();
  const { articles, files, source } = corpusItems(root);
  const gazetteer = await loadGazetteerWithNeighbours();
  // Warm-up: the first calls compile patterns and fill caches.
  for (const article of articles) extract(article, gazetteer);

  const target = 2_000;
  let peakRss = process.memoryUsage().rss;
  let done = 0;
  const start = performance.now();
  while (done < target) {
    for (const article of articles) {
      extract(article, gazetteer);
      done++;
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - start) / 1000;
  print(`extract: ${done} articles (${articles.length} train and dev items of ${source}, repeated) in ${seconds.toFixed(2)} s`);
  print(`extract: ${(done / seconds).toFixed(0)} articles/s on one core (in process, start-up excluded; target >= 200)`);
  print(`extract: memory peak ${(peakRss / 1024 / 1024).toFixed(0)} MB RSS (process, gazetteer loaded)`);

  const cli = join(root, 'bin', 'diboli.js');
  const item = files[0];
  if (existsSync(join(root, 'dist', 'src', 'cli', 'main.js')) && item) {
    const runs = 5;
    const baseline = timeProcess(process.execPath, ['-e', '0'], root, runs);
    const oneItem = timeProcess(process.execPath, [cli, 'extract', item], root, runs);
    print(`extract: node -e 0 starts in ${baseline.toFixed(0)} ms (median of ${runs}, baseline)`);
    print(`extract: diboli extract one item, start to result ${oneItem.toFixed(0)} ms (median of ${runs}; target <= 1000)`);
  } else {
    print('extract: start-to-result skipped (run `npm run build` first)');
  }
}

// Run on its own: node dist/bench/extract.js
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchExtract((line) => console.log(line));
}
