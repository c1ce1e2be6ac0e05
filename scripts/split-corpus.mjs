#!/usr/bin/env node
// Splits the news corpus (corpus/items/*.json) into train, dev and held-out splits, by event, and
// writes corpus/splits.json and the fingerprint of each held-out split (corpus/TEST-SPLIT.sha256,
// corpus/TEST-B-SPLIT.sha256, … corpus/TEST-M-SPLIT.sha256). Deterministic: the same items and the same splits.json give the same
// split on any machine. Run when items are added: an item already in splits.json keeps its split,
// so a held-out split never changes (a test recomputes its hash) and its figures stay those of
// articles the extractor was never tuned on.
//
//   node scripts/split-corpus.mjs
//
// The rule:
// 1. Items with the same `event_key` form a group; an item about no event (`none`) is a group of
//    its own. Groups whose gold events lie within 20 days and 40 km of each other (or share a
//    place name) are joined: reports of one event often tell the other as background.
// 2. Groups holding an item the extractor was tuned on before the first split go to train.
// 3. An item already split keeps its split. A new item in a group with split items follows them:
//    to the newest held-out split if any of them is held out, else to dev if any is in dev, else
//    to train.
// 4. The other groups are put in strata by relevance and language (fr, en, or both), ordered in
//    each stratum by the SHA-256 of their name, and each goes to the split furthest below its
//    share of the stratum's items, counting the groups placed before it. The first corpus was
//    split 60 / 15 / 25 % into train, dev and test; each batch added later, written after the
//    extractor was last tuned, 40 / 20 / 40 % into train, dev and a held-out split of its own
//    (the 120 items of early December 2026: test-b; the 51 and then the 90 of 6 December 2026:
//    test-c and test-d; then the 140, the 90, the 89, the 89 and the 89 added later that day:
//    test-e, test-f, test-g, test-h and test-i; the 90 added at the end of that day: test-j; the 90 of
//    6 December 2026: test-k; the 89 added later that day: test-l; the 90 of that evening: test-m;
//    the 89 of that night: test-n; the 84 of 7 December 2026: test-o; the 90 added later that
//    day: test-p; the 90 of that morning's second batch: test-q; the 88 added later that
//    morning: test-r; the 89 of that afternoon: test-s; the 89 of that evening: test-t; the 90
//    added later that evening: test-u; and the 89 of 8 December 2026: test-v).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const itemsDir = join(root, 'corpus', 'items');
// The shares of the items being split now (batch 22, 8 December 2026); batch 1 was 60 / 15 / 25 % into
// train, dev and test, batches 2 to 21 40 / 20 / 40 % into train, dev and test-b to test-u. A later
// batch names a held-out split of its own (test-w, …).
const HELD_OUT = 'test-v';
const SHARES = { train: 0.4, dev: 0.2, [HELD_OUT]: 0.4 };
/** The held-out splits and their fingerprint files, oldest first. */
const FINGERPRINTS = {
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
};
const SALT = 'diboli news corpus split v1';
// The development corpus the extractor was tuned on before this corpus existed.
// biome-ignore format: a list of item ids, several a line.
const TUNED_BEFORE_SPLIT = new Set([
  'A-001', 'A-005', 'A-009', 'A-011', 'A-014', 'A-016', 'A-019', 'A-020', 'A-022', 'B-001', 'B-003', 'B-006', 'B-007',
  'B-010', 'B-013', 'B-022', 'B-024', 'C-003', 'C-004', 'C-009', 'C-013', 'C-016', 'C-018', 'C-021', 'C-022', 'D-004',
  'D-006', 'D-010', 'D-013', 'D-016', 'D-018', 'D-021', 'D-024', 'N-002', 'N-006', 'N-011', 'N-012', 'seed',
]);

const splitsFile = join(root, 'corpus', 'splits.json');
const before = existsSync(splitsFile) ? JSON.parse(readFileSync(splitsFile, 'utf8')) : {};
/** The split of every item split before, by id. */
const splitBefore = new Map();
for (const split of ['train', 'dev', ...Object.keys(FINGERPRINTS)]) for (const id of before[split] ?? []) splitBefore.set(id, split);

const files = readdirSync(itemsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const items = files.map((f) => JSON.parse(readFileSync(join(itemsDir, f), 'utf8')));

// Union-find over group names.
const parent = new Map();
const find = (x) => {
  while (parent.get(x) !== x) x = parent.get(x);
  return x;
};
const union = (a, b) => {
  const [ra, rb] = [find(a), find(b)];
  // biome-ignore lint/complexity/useMathMinMax: group names are strings, which Math.min and Math.max turn into NaN.
  if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
};
const groupOf = (item) => (item.event_key && item.event_key !== 'none' ? item.event_key : `item:${item.id}`);
for (const item of items) if (!parent.has(groupOf(item))) parent.set(groupOf(item), groupOf(item));

const DAY = 86_400_000;
/** First and last day a gold date covers, in ms. */
function span(date) {
  const [y, m, d] = date.split('-').map(Number);
  if (d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d)];
  if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 0)];
  return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)];
}
function km(a, b) {
  const r = (x) => (x * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
const fold = (s) =>
  String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
function related(a, b) {
  const [a0, a1] = span(a.date);
  const [b0, b1] = span(b.date);
  const gap = Math.max(0, b0 - a1, a0 - b1);
  if (gap > 20 * DAY) return false;
  if ([a.lat, a.lon, b.lat, b.lon].every(Number.isFinite) && km(a, b) <= 40) return true;
  return fold(a.location) === fold(b.location);
}
const withEvents = items.filter((item) => item.gold.relevant && item.gold.events.length > 0);
for (let i = 0; i < withEvents.length; i++) {
  for (let j = i + 1; j < withEvents.length; j++) {
    const [x, y] = [withEvents[i], withEvents[j]];
    if (find(groupOf(x)) === find(groupOf(y))) continue;
    if (x.gold.events.some((a) => y.gold.events.some((b) => related(a, b)))) union(groupOf(x), groupOf(y));
  }
}

const groups = new Map();
for (const item of items) {
  const root = find(groupOf(item));
  if (!groups.has(root)) groups.set(root, { names: new Set(), items: [] });
  groups.get(root).names.add(groupOf(item));
  groups.get(root).items.push(item);
}

const splits = { train: [], dev: [], ...Object.fromEntries(Object.keys(FINGERPRINTS).map((name) => [name, []])) };
const heldOut = new Set(Object.keys(FINGERPRINTS));
const strata = new Map();
for (const group of groups.values()) {
  const fresh = group.items.filter((item) => !splitBefore.has(item.id));
  for (const item of group.items) if (splitBefore.has(item.id)) splits[splitBefore.get(item.id)].push(item.id);
  if (fresh.length === 0) continue;
  const earlier = new Set(group.items.filter((item) => splitBefore.has(item.id)).map((item) => splitBefore.get(item.id)));
  if (group.items.some((item) => TUNED_BEFORE_SPLIT.has(item.id))) group.forced = 'train';
  else if ([...earlier].some((split) => heldOut.has(split))) group.forced = HELD_OUT;
  else if (earlier.has('dev')) group.forced = 'dev';
  else if (earlier.has('train')) group.forced = 'train';
  group.items = fresh;
  const langs = [...new Set(fresh.map((item) => item.lang))].sort().join('+');
  const stratum = `${fresh.some((item) => item.gold.relevant) ? 'relevant' : 'irrelevant'} ${langs}`;
  group.name = [...group.names].sort().join(' + ');
  group.hash = createHash('sha256').update(`${SALT}\n${group.name}`).digest('hex');
  if (!strata.has(stratum)) strata.set(stratum, []);
  strata.get(stratum).push(group);
}
const report = [];
const shared = Object.keys(SHARES);
for (const [stratum, members] of [...strata.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  const count = Object.fromEntries(shared.map((split) => [split, 0]));
  const place = (group, split) => {
    count[split] += group.items.length;
    splits[split].push(...group.items.map((item) => item.id));
  };
  for (const group of members.filter((g) => g.forced)) place(group, group.forced);
  for (const group of members.filter((g) => !g.forced).sort((a, b) => a.hash.localeCompare(b.hash))) {
    const after = shared.reduce((total, split) => total + count[split], 0) + group.items.length;
    const deficit = (split) => SHARES[split] * after - count[split];
    place(
      group,
      shared.reduce((best, split) => (deficit(split) > deficit(best) ? split : best), shared[0]),
    );
  }
  report.push(`new items, ${stratum}: ${shared.map((split) => `${split} ${count[split]}`).join(', ')}`);
}
for (const split of Object.keys(splits)) splits[split].sort();

const out = {
  about:
    'News corpus split by event (see corpus/README.md and scripts/split-corpus.mjs). The held-out splits (test and test-b to test-v) are frozen: corpus/TEST-SPLIT.sha256 and corpus/TEST-B-SPLIT.sha256 to corpus/TEST-V-SPLIT.sha256.',
  ...splits,
};
writeFileSync(splitsFile, `${JSON.stringify(out, null, 2)}\n`);

// Each held-out split's fingerprint: its ids in order, each followed by a newline, its file's bytes and a newline.
for (const [split, file] of Object.entries(FINGERPRINTS)) {
  const hash = createHash('sha256');
  for (const id of splits[split]) {
    hash.update(`${id}\n`);
    hash.update(readFileSync(join(itemsDir, `${id}.json`)));
    hash.update('\n');
  }
  writeFileSync(join(root, 'corpus', file), `${hash.digest('hex')}\n`);
}

for (const line of report) console.log(line);
console.log(
  `groups: ${groups.size}; items: ${Object.entries(splits)
    .map(([split, ids]) => `${split} ${ids.length}`)
    .join(', ')}`,
);
