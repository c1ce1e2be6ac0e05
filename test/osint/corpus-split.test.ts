import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const corpus = join(import.meta.dirname, '..', '..', 'corpus');
const splits = JSON.parse(readFileSync(join(corpus, 'splits.json'), 'utf8')) as Record<'train' | 'dev' | 'test', string[]>;
const itemFile = (id: string) => join(corpus, 'items', `${id}.json`);

describe('the news corpus split', () => {
  it('puts every item in exactly one split', () => {
    const files = readdirSync(join(corpus, 'items'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
    const listed = [...splits.train, ...splits.dev, ...splits.test].sort();
    expect(listed).toEqual(files);
  });

  it('keeps the items of one event in one split', () => {
    const splitOf = new Map<string, string>();
    for (const split of ['train', 'dev', 'test'] as const) {
      for (const id of splits[split]) {
        const key = (JSON.parse(readFileSync(itemFile(id), 'utf8')) as { event_key: string }).event_key;
        if (key === 'none') continue;
        expect(splitOf.get(key) ?? split, key).toBe(split);
        splitOf.set(key, split);
      }
    }
  });

  it('has a frozen test split: its items hash to corpus/TEST-SPLIT.sha256', () => {
    const hash = createHash('sha256');
    for (const id of [...splits.test].sort()) {
      hash.update(`${id}\n`);
      hash.update(readFileSync(itemFile(id)));
      hash.update('\n');
    }
    const frozen = readFileSync(join(corpus, 'TEST-SPLIT.sha256'), 'utf8').trim().split(/\s+/)[0];
    expect(hash.digest('hex')).toBe(frozen);
  });
});
