/**
 * `npm run eval:news`: the extractor's figures on each split of the news corpus (corpus/README.md),
 * by the definitions of scripts/news-score.ts.
 *
 *   npm run eval:news [-- --split train,dev] [--verbose] [--corpus DIR]
 *
 * --split    the splits to score (default: train, dev and test)
 * --verbose  one line per item where the main event or relevance is wrong
 * --corpus   score every *.json item of DIR as one set instead of the splits
 *
 * The extractor sees what a feed gives (published, title, text, lang); the item's gold answer,
 * source address, style and event key are kept from it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadGazetteer } from '../src/geo/gazetteer.js';
import type { Article } from '../src/osint/article.js';
import { extract } from '../src/osint/extract.js';
import { checkMainEvent, score, type Metrics, type ScoredPair } from './news-score.js';

interface CorpusItem {
  id: string;
  published: string | null;
  title: string;
  lang: string;
  text: string;
  gold: ScoredPair['gold'];
}

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!readdirSync(dir).includes('package.json') && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'train,dev,test' },
    verbose: { type: 'boolean', default: false },
    corpus: { type: 'string' },
  },
});

const root = packageRoot();
const readItem = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CorpusItem;
const sets: [string, CorpusItem[]][] = [];
if (values.corpus) {
  const files = readdirSync(values.corpus).filter((f) => f.endsWith('.json')).sort();
  sets.push([values.corpus, files.map((f) => readItem(join(values.corpus!, f)))]);
} else {
  const splits = JSON.parse(readFileSync(join(root, 'corpus', 'splits.json'), 'utf8')) as Record<string, string[]>;
  for (const name of values.split!.split(',').map((s) => s.trim())) {
    const ids = splits[name];
    if (!ids) throw new Error(`no split "${name}" in corpus/splits.json`);
    sets.push([name, ids.map((id) => readItem(join(root, 'corpus', 'items', `${id}.json`)))]);
  }
}

const gazetteer = await loadGazetteer();
const results: [string, Metrics][] = [];
for (const [name, items] of sets) {
  const pairs: ScoredPair[] = [];
  for (const item of items) {
    const article: Article = {
      published: typeof item.published === 'string' ? item.published.slice(0, 10) : null,
      title: item.title ?? '',
      text: item.text,
      lang: item.lang,
    };
    const result = extract(article, gazetteer);
    const pair: ScoredPair = { gold: item.gold, system: { relevant: result.relevant, events: result.events } };
    pairs.push(pair);
    if (!values.verbose) continue;
    const check = checkMainEvent(pair);
    const wrong = check ? Object.entries(check).filter(([, ok]) => !ok).map(([field]) => field) : [];
    if (pair.gold.relevant === pair.system.relevant && wrong.length === 0) continue;
    const gold = item.gold.events[0];
    const main = result.events[0];
    console.log(`${name} ${item.id}: gold ${item.gold.relevant ? 'relevant' : 'irrelevant'}, system ${result.relevant ? 'relevant' : 'irrelevant'}${wrong.length > 0 ? `; wrong: ${wrong.join(', ')}` : ''}`);
    if (gold) console.log(`    gold   ${gold.date} ${gold.location} ${gold.event_type} / ${gold.sub_event_type} ${gold.fatalities ?? '-'}`);
    if (main) console.log(`    system ${main.date} ${main.location} ${main.event_type} / ${main.sub_event_type} ${main.fatalities ?? '-'}`);
  }
  results.push([name, score(pairs)]);
}

const rows: [string, (m: Metrics) => number][] = [
  ['relevance F1', (m) => m.relevance.f1],
  ['  precision', (m) => m.relevance.precision],
  ['  recall', (m) => m.relevance.recall],
  ['main event date', (m) => m.mainDate],
  ['main event place', (m) => m.mainPlace],
  ['event type', (m) => m.mainType],
  ['sub-event type', (m) => m.mainSubType],
  ['fatalities', (m) => m.mainFatalities],
  ['event recall', (m) => m.eventRecall],
  ['event precision', (m) => m.eventPrecision],
];
const width = Math.max(...results.map(([name, m]) => `${name} (${m.items})`.length), 6);
console.log(['metric'.padEnd(18), ...results.map(([name, m]) => `${name} (${m.items})`.padStart(width))].join(' '));
for (const [label, value] of rows) console.log([label.padEnd(18), ...results.map(([, m]) => value(m).toFixed(2).padStart(width))].join(' '));
