import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDiboli } from '../support/node-process.js';

const CORPUS = new URL('../../corpus/', import.meta.url).pathname;
// Forty items of the corpus's train split (the test split is read only by the scorer).
const TRAIN_ITEMS = (JSON.parse(readFileSync(join(CORPUS, 'splits.json'), 'utf8')) as { train: string[] }).train.slice(0, 40);
const dir = mkdtempSync(join(tmpdir(), 'diboli-ingest-'));
const items = join(dir, 'items');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diboli ingest', () => {
  it('stores a folder of news items once, with their candidate events, and reports what it could not read', async () => {
    expect((await runDiboli(['demo', '--data', join(dir, 'node')])).code).toBe(0);
    mkdirSync(items);
    for (const id of TRAIN_ITEMS) cpSync(join(CORPUS, 'items', `${id}.json`), join(items, `${id}.json`));
    const count = readdirSync(items).filter((f) => f.endsWith('.json')).length;
    writeFileSync(join(items, 'zz-empty.txt'), '');

    const first = await runDiboli(['ingest', '--data', join(dir, 'node'), items, '--published', '2025-10-01']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(new RegExp(`^${count} new article\\(s\\) \\(\\d+ relevant, \\d+ candidate event\\(s\\)\\), 0 already stored, 1 unreadable`));
    expect(first.stderr).toContain('zz-empty.txt');

    rmSync(join(items, 'zz-empty.txt'));
    const second = await runDiboli(['ingest', '--data', join(dir, 'node'), items]);
    expect(second).toMatchObject({ code: 0 });
    expect(second.stdout).toContain(`0 new article(s) (0 relevant, 0 candidate event(s)), ${count} already stored`);
  });

  it.each([
    ['nothing to read', [], /give one FILE or FOLDER/],
    ['a missing folder', ['/nonexistent/news'], /no such file or folder/],
    ['a bad date', ['--published', 'hier', '.'], /--published must be YYYY-MM-DD/],
  ])('refuses %s', async (_name, args, message) => {
    const result = await runDiboli(['ingest', '--data', join(dir, 'node'), ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
