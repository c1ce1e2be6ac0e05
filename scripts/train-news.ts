/**
 * `npm run train:news`: trains the news extractor's statistical layer (scripts/news-training.ts)
 * on the corpus's train split only, and writes data/news/model.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadGazetteerWithNeighbours } from '../src/geo/gazetteer.js';
import { MODEL_PATH } from '../src/osint/model/news-model.js';
import { trainNewsModel, type TrainingItem } from './news-training.js';

const root = join(dirname(MODEL_PATH), '..', '..');
const splits = JSON.parse(readFileSync(join(root, 'corpus', 'splits.json'), 'utf8')) as { train: string[] };
const items = splits.train.map((id) => JSON.parse(readFileSync(join(root, 'corpus', 'items', `${id}.json`), 'utf8')) as TrainingItem);
const relevant = items.filter((item) => item.gold.relevant).length;
const file = trainNewsModel(items, await loadGazetteerWithNeighbours(), `corpus/splits.json train: ${items.length} items (${relevant} relevant)`);
mkdirSync(dirname(MODEL_PATH), { recursive: true });
writeFileSync(MODEL_PATH, JSON.stringify(file) + '\n');
console.log(
  `${file.features.length} features, ${file.kind.labels.length} kinds, ${file.place.features.length} place features, from ${items.length} train items: ${MODEL_PATH}`,
);
