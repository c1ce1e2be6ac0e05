/**
 * `npm run eval:news`: the extractor's figures on each split of the news corpus (corpus/README.md),
 * by the definitions of scripts/news-score.ts.
 *
 *   npm run eval:news [-- --split train,dev] [--verbose] [--corpus DIR]
 *
 * --split    the splits to score (default: every split of corpus/splits.json: train, dev and the
 *            held-out ones)
 * --verbose  one line per item where the main event or relevance is wrong
 * --corpus   score every *.json item of DIR as one set instead of the splits
 * --folds K  also score the train split by K-fold cross-validation: each fold (whole events) is
 *            scored with a model trained on the other folds, so that the figures say how the
 *            statistical layer does on articles it was not trained on, without reading dev or test
 *
 * The extractor sees what a feed gives (published, title, text, lang); the item's gold answer,
 * source address, style and event key are kept from it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadGazetteerWithNeighbours } from '../src/geo/gazetteer.js';
import type { Article } from '../src/osint/article.js';
import { extract } from '../src/osint/extract.js';
import { createNewsModel, type NewsModel } from '../src/osint/model/news-model.js';
import { checkMainEvent, score, type Metrics, type ScoredPair } from './news-score.js';
import { CORPUS_READ_ON, trainNewsModel, type TrainingItem } from './news-training.js';

interface CorpusItem {
  id: string;
  event_key?: string;
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
    split: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    corpus: { type: 'string' },
    folds: { type: 'string' },
  },
});

const root = packageRoot();
const splits = JSON.parse(readFileSync(join(root, 'corpus', 'splits.json'), 'utf8')) as Record<string, string[] | string>;
/** Every split, in the order splits.json gives them (train, dev, then the held-out ones, oldest first). */
const splitNames = Object.keys(splits).filter((name) => Array.isArray(splits[name]));
const splitIds = (name: string) => {
  const ids = splits[name];
  if (!Array.isArray(ids)) throw new Error(`no split "${name}" in corpus/splits.json`);
  return ids;
};
const readItem = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CorpusItem;
const sets: [string, CorpusItem[]][] = [];
if (values.corpus) {
  const files = readdirSync(values.corpus)
    .filter((f) => f.endsWith('.json'))
    .sort();
  sets.push([values.corpus, files.map((f) => readItem(join(values.corpus!, f)))]);
} else {
  for (const name of values.split ? values.split.split(',').map((s) => s.trim()) : splitNames) {
    sets.push([name, splitIds(name).map((id) => readItem(join(root, 'corpus', 'items', `${id}.json`)))]);
  }
}

const gazetteer = await loadGazetteerWithNeighbours();
const results: [string, Metrics][] = [];
const models = new Map<string, NewsModel>();
const folds = Number(values.folds ?? 0);
if (folds > 1 && !values.corpus) {
  const train = splitIds('train').map((id) => readItem(join(root, 'corpus', 'items', `${id}.json`)));
  // Whole events in one fold, so that no fold is scored by a model that read the same event.
  const foldOf = (item: CorpusItem) => {
    const key = item.event_key && item.event_key !== 'none' ? item.event_key : item.id;
    return parseInt(createHash('sha256').update(key).digest('hex').slice(0, 8), 16) % folds;
  };
  for (let k = 0; k < folds; k++) {
    const rest = train.filter((item) => foldOf(item) !== k) as unknown as TrainingItem[];
    const model = createNewsModel(trainNewsModel(rest, gazetteer, `fold ${k}`));
    for (const item of train.filter((i) => foldOf(i) === k)) models.set(item.id, model);
  }
  sets.unshift([`train ${folds}-fold`, train]);
}
for (const [name, items] of sets) {
  const pairs: ScoredPair[] = [];
  for (const item of items) {
    const article: Article = {
      published: typeof item.published === 'string' ? item.published.slice(0, 10) : null,
      title: item.title ?? '',
      text: item.text,
      lang: item.lang,
      seen: CORPUS_READ_ON,
    };
    const crossValidated = name.endsWith('-fold');
    const result = crossValidated ? extract(article, gazetteer, models.get(item.id)!) : extract(article, gazetteer);
    const pair: ScoredPair = { gold: item.gold, system: { relevant: result.relevant, events: result.events } };
    pairs.push(pair);
    if (!values.verbose) continue;
    const check = checkMainEvent(pair);
    const wrong = check
      ? Object.entries(check)
          .filter(([, ok]) => !ok)
          .map(([field]) => field)
      : [];
    if (pair.gold.relevant === pair.system.relevant && wrong.length === 0) continue;
    const gold = item.gold.events[0];
    const main = result.events[0];
    console.log(
      `${name} ${item.id}: gold ${item.gold.relevant ? 'relevant' : 'irrelevant'}, system ${result.relevant ? 'relevant' : 'irrelevant'}${wrong.length > 0 ? `; wrong: ${wrong.join(', ')}` : ''}`,
    );
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
