import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { createNewsModel, packWeights, shippedNewsModel, unpackWeights, type NewsModelFile } from '../../src/osint/model/news-model.js';
import { trainNewsModel, type TrainingItem } from '../../scripts/news-training.js';

const corpus = join(import.meta.dirname, '..', '..', 'corpus');

describe('the news model', () => {
  it('keeps weights in thousandths, sparse, and leaves out those that change no decision', () => {
    const packed = packWeights([0, 0.5, -1.25, 0.004]);
    expect(packed).toEqual([1, 500, 2, -1250]);
    expect([...unpackWeights(packed, 4)]).toEqual([0, 0.5, -1.25, 0]);
  });

  it('scores relevance, kinds and places from a file', () => {
    const file: NewsModelFile = {
      format: 'diboli-news-model 1',
      trainedOn: 'hand-made',
      features: ['w:attaque', 'w:match'],
      relevance: { bias: 0, weights: [0, 4000, 1, -4000] },
      kind: {
        labels: ['A', 'B'],
        bias: [0, 0],
        weights: [
          [0, 3000],
          [1, 3000],
        ],
      },
      place: { features: ['title'], bias: -1, weights: [0, 3000] },
    };
    const model = createNewsModel(file);
    expect(model.relevance(['w:attaque'])).toBeGreaterThan(0.95);
    expect(model.relevance(['w:match'])).toBeLessThan(0.05);
    expect(model.kinds(['w:attaque']).get('A')).toBeGreaterThan(0.9);
    expect(model.place(['title'])).toBeGreaterThan(0.8);
    expect(model.place([])).toBeLessThan(0.3);
  });

  it('ships a model trained on the train split only', () => {
    const splits = JSON.parse(readFileSync(join(corpus, 'splits.json'), 'utf8')) as { train: string[] };
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'news', 'model.json'), 'utf8')) as NewsModelFile;
    expect(file.trainedOn).toMatch(new RegExp(`train: ${splits.train.length} items`));
    expect(shippedNewsModel()).not.toBeNull();
  });

  it('trains the same model twice from the same items', async () => {
    const splits = JSON.parse(readFileSync(join(corpus, 'splits.json'), 'utf8')) as { train: string[] };
    const items = splits.train.slice(0, 12).map((id) => JSON.parse(readFileSync(join(corpus, 'items', `${id}.json`), 'utf8')) as TrainingItem);
    const gazetteer = await loadGazetteer();
    const first = JSON.stringify(trainNewsModel(items, gazetteer, 'twelve'));
    const second = JSON.stringify(trainNewsModel(items, gazetteer, 'twelve'));
    expect(second).toBe(first);
  });
});
