import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const corpus = join(import.meta.dirname, '..', '..', 'corpus');
const splits = JSON.parse(readFileSync(join(corpus, 'splits.json'), 'utf8')) as Record<
  | 'train'
  | 'dev'
  | 'test'
  | 'test-b'
  | 'test-c'
  | 'test-d'
  | 'test-e'
  | 'test-f'
  | 'test-g'
  | 'test-h'
  | 'test-i'
  | 'test-j'
  | 'test-k'
  | 'test-l'
  | 'test-m'
  | 'test-n'
  | 'test-o'
  | 'test-p'
  | 'test-q'
  | 'test-r'
  | 'test-s'
  | 'test-t'
  | 'test-u'
  | 'test-v',
  string[]
>;
/** The held-out splits, never tuned on, and the files that hold their fingerprints. */
const HELD_OUT = {
  test: 'TEST-SPLIT.sha256',
  'test-b': 'TEST-B-SPLIT.sha256',
  'test-c': 'TEST-C-SPLIT.sha256',
  'test-d': 'TEST-D-SPLIT.sha256',
  'test-e': 'TEST-E-SPLIT.sha256',
  'test-f': 'TEST-F-SPLIT.sha256',
  'test-g': 'TEST-G-SPLIT.sha256',
  'test-h': 'TEST-H-SPLIT.sha256',
  'test-i': 'TEST-I-SPLIT.sha256',
  'test-j': 'TEST-J-SPLIT.sha256',
  'test-k': 'TEST-K-SPLIT.sha256',
  'test-l': 'TEST-L-SPLIT.sha256',
  'test-m': 'TEST-M-SPLIT.sha256',
  'test-n': 'TEST-N-SPLIT.sha256',
  'test-o': 'TEST-O-SPLIT.sha256',
  'test-p': 'TEST-P-SPLIT.sha256',
  'test-q': 'TEST-Q-SPLIT.sha256',
  'test-r': 'TEST-R-SPLIT.sha256',
  'test-s': 'TEST-S-SPLIT.sha256',
  'test-t': 'TEST-T-SPLIT.sha256',
  'test-u': 'TEST-U-SPLIT.sha256',
  'test-v': 'TEST-V-SPLIT.sha256',
} as const;
/** Every split, train and dev first. */
const SPLITS = ['train', 'dev', ...(Object.keys(HELD_OUT) as (keyof typeof HELD_OUT)[])] as const;
const itemFile = (id: string) => join(corpus, 'items', `${id}.json`);

describe('the news corpus split', () => {
  it('puts every item in exactly one split', () => {
    const files = readdirSync(join(corpus, 'items'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
    const listed = SPLITS.flatMap((split) => splits[split]).sort();
    expect(listed).toEqual(files);
  });

  it('keeps the items of one event in one split, or all held out', () => {
    const splitOf = new Map<string, string>();
    for (const split of SPLITS) {
      // An event reported again by items added later stays held out, in the later held-out split.
      const side = split in HELD_OUT ? 'held out' : split;
      for (const id of splits[split]) {
        const key = (JSON.parse(readFileSync(itemFile(id), 'utf8')) as { event_key: string }).event_key;
        if (key === 'none') continue;
        expect(splitOf.get(key) ?? side, key).toBe(side);
        splitOf.set(key, side);
      }
    }
  });

  it.each(Object.entries(HELD_OUT) as [keyof typeof HELD_OUT, string][])('has a frozen %s split: its items hash to corpus/%s', (split, file) => {
    expect(splits[split].length).toBeGreaterThanOrEqual(20);
    const hash = createHash('sha256');
    for (const id of [...splits[split]].sort()) {
      hash.update(`${id}\n`);
      hash.update(readFileSync(itemFile(id)));
      hash.update('\n');
    }
    const frozen = readFileSync(join(corpus, file), 'utf8').trim().split(/\s+/)[0];
    expect(hash.digest('hex')).toBe(frozen);
  });
});
