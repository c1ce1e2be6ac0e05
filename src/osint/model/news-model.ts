/**
 * The statistical layer of the news extractor: two logistic regressions over an article's
 * features (features.ts), trained on the corpus's train split by scripts/train-news.ts.
 * - relevance: the probability that the article reports a concrete security event;
 * - kind: the probability of each ACLED "type / sub-type" for its main event.
 * The model file is plain JSON (data/news/model.json); scoring is a sum of weights.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file as written by the training script. Weights are sparse and in thousandths, to keep the
 * file small: `[position, weight × 1000, position, weight × 1000, …]`, positions into `features`;
 * weights under 0.02 are left out.
 */
export interface NewsModelFile {
  format: 'diboli-news-model 1';
  /** What it was trained on, for the record. */
  trainedOn: string;
  features: string[];
  relevance: { bias: number; weights: number[] };
  kind: { labels: string[]; bias: number[]; weights: number[][] };
  /** The place ranker (place-ranker.ts), over features of its own. */
  place: { features: string[]; bias: number; weights: number[] };
}

/** Dense weights from the file's sparse pairs. */
export function unpackWeights(pairs: readonly number[], size: number): Float64Array {
  const dense = new Float64Array(size);
  for (let i = 0; i + 1 < pairs.length; i += 2) dense[pairs[i]!] = pairs[i + 1]! / 1000;
  return dense;
}

/** Weights smaller than this (in thousandths) change no decision: left out of the file. */
const PRUNE_BELOW = 20;

/** The file's sparse pairs from dense weights. */
export function packWeights(dense: ArrayLike<number>): number[] {
  const pairs: number[] = [];
  for (let i = 0; i < dense.length; i++) {
    const value = Math.round(dense[i]! * 1000);
    if (Math.abs(value) >= PRUNE_BELOW) pairs.push(i, value);
  }
  return pairs;
}

/** The label of an event type and sub-type among the model's kinds (« Battles / Armed clash »). */
export function kindLabel(eventType: string, subEventType: string): string {
  return `${eventType} / ${subEventType}`;
}

export interface NewsModel {
  /** Probability that the article reports a concrete security event. */
  relevance(features: readonly string[]): number;
  /** Probability of each "type / sub-type" label for the main event. */
  kinds(features: readonly string[]): Map<string, number>;
  /** Probability that a place named so (place-ranker.ts) is where the main event happened. */
  place(features: readonly string[]): number;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Feature positions of an article, and the scale that gives its vector unit length. */
export function encode(index: ReadonlyMap<string, number>, features: readonly string[]): { positions: number[]; scale: number } {
  const positions: number[] = [];
  for (const feature of features) {
    const at = index.get(feature);
    if (at !== undefined) positions.push(at);
  }
  return { positions, scale: positions.length > 0 ? 1 / Math.sqrt(positions.length) : 0 };
}

export function createNewsModel(file: NewsModelFile): NewsModel {
  const index = new Map(file.features.map((feature, i) => [feature, i]));
  const relevanceWeights = unpackWeights(file.relevance.weights, file.features.length);
  const kindWeights = file.kind.weights.map((pairs) => unpackWeights(pairs, file.features.length));
  const placeIndex = new Map(file.place.features.map((feature, i) => [feature, i]));
  const placeWeights = unpackWeights(file.place.weights, file.place.features.length);
  return {
    place(features) {
      let score = file.place.bias;
      for (const feature of features) {
        const at = placeIndex.get(feature);
        if (at !== undefined) score += placeWeights[at]!;
      }
      return sigmoid(score);
    },
    relevance(features) {
      const { positions, scale } = encode(index, features);
      let score = file.relevance.bias;
      for (const at of positions) score += relevanceWeights[at]! * scale;
      return sigmoid(score);
    },
    kinds(features) {
      const { positions, scale } = encode(index, features);
      const scores = file.kind.labels.map((_, k) => {
        let score = file.kind.bias[k]!;
        const row = kindWeights[k]!;
        for (const at of positions) score += row[at]! * scale;
        return score;
      });
      const probabilities = softmax(scores);
      return new Map(file.kind.labels.map((label, k) => [label, probabilities[k]!]));
    },
  };
}

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const MODEL_PATH = join(packageRoot(), 'data', 'news', 'model.json');

let shipped: NewsModel | null | undefined;

/** The model shipped with the product, read once; null when the file is missing (rules only). */
export function shippedNewsModel(): NewsModel | null {
  if (shipped === undefined) {
    shipped = existsSync(MODEL_PATH) ? createNewsModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as NewsModelFile) : null;
  }
  return shipped;
}
