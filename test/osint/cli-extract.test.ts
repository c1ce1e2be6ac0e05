import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'news');
let work: string;

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['extract', ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => '',
  });
  return { code, stdout, stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'diboli-extract-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('diboli extract', () => {
  it('prints exactly one JSON object for a JSON item', async () => {
    const { code, stdout, stderr } = await run(join(fixtures, 'joint-patrol-launch.json'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['relevant', 'events']);
    expect(result.relevant).toBe(true);
    expect(Object.keys(result.events[0])).toEqual([
      'date',
      'date_precision',
      'location',
      'country',
      'admin1',
      'lat',
      'lon',
      'event_type',
      'sub_event_type',
      'actors',
      'fatalities',
      'evidence',
    ]);
  });

  it('reads a text scrape with --published', async () => {
    const file = join(work, 'item.txt');
    writeFileSync(file, 'Dimanche, des hommes armés ont enlevé deux commerçants près de Diboli, au Mali.');
    const { code, stdout } = await run(file, '--published', '2025-03-12');
    expect(code).toBe(0);
    const [main] = JSON.parse(stdout).events;
    expect(main).toMatchObject({ date: '2025-03-09', location: 'Diboli', sub_event_type: 'Abduction/forced disappearance' });
  });

  it('reads an HTML page and its publication day', async () => {
    const { code, stdout } = await run(join(fixtures, 'kidira-arrests.html'));
    expect(code).toBe(0);
    const [main] = JSON.parse(stdout).events;
    expect(main).toMatchObject({ date: '2025-04-16', location: 'Kidira', country: 'SN', sub_event_type: 'Arrests' });
  });

  it.each([
    ['an empty file', ''],
    ['a binary file', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0])],
    ['a text in Spanish', 'Un grupo armado atacó un puesto militar en el norte el domingo, según fuentes locales.'],
  ])('answers relevant:false for %s', async (_case, content) => {
    const file = join(work, 'odd.txt');
    writeFileSync(file, content);
    const { code, stdout } = await run(file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ relevant: false, events: [] });
  });

  it('answers within bounds for a 10 MB text', async () => {
    const file = join(work, 'big.txt');
    writeFileSync(file, 'Le marché de Kayes a rouvert ses portes. '.repeat(250_000));
    const { code, stdout } = await run(file, '--published', '2025-01-01');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).relevant).toBe(false);
  });

  it.each([
    ['a missing file', ['/nonexistent/item.json'], 1, /cannot read .*no such file/],
    ['a folder', [fixtures], 1, /not a file/],
    ['invalid JSON', ['@bad.json'], 1, /not valid JSON/],
    ['a JSON item without text', ['@notext.json'], 1, /no "text"/],
    ['no FILE', [], 2, /exactly one FILE/],
    ['a bad --published', ['@bad.json', '--published', '12/03/2025'], 2, /YYYY-MM-DD/],
    ['an unknown option', ['@bad.json', '--fast'], 2, /Unknown option/],
  ])('fails clearly on %s', async (_case, args, exitCode, message) => {
    writeFileSync(join(work, 'bad.json'), '{"title": "x", "text": ');
    writeFileSync(join(work, 'notext.json'), '{"title": "x", "published": "2025-01-01"}');
    const resolved = (args as string[]).map((arg) => (arg.startsWith('@') ? join(work, arg.slice(1)) : arg));
    const { code, stdout, stderr } = await run(...resolved);
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message as RegExp);
  });

  it('documents its exit codes in --help', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Exit codes/);
  });
});
