import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDiboli } from '../support/node-process.js';

const dir = mkdtempSync(join(tmpdir(), 'diboli-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('diboli CLI', () => {
  it('lists its commands and explains each one', async () => {
    const help = await runDiboli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['init', 'user', 'serve', 'demo', 'extract']) expect(help.stdout).toContain(name);
    const init = await runDiboli(['init', '--help']);
    expect(init.stdout).toContain('--partners');
  });

  it('initialises a node with its borders and sections', async () => {
    const result = await runDiboli(['init', '--data', dir, '--nation', 'ml', '--partners', 'SN', '--section-km', '50']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/border ML-SN: 40\d\.\d km, 9 sections/);
    expect(result.stderr).toContain('Computing borders');
  });

  it('adds a user with the password from standard input', async () => {
    const added = await runDiboli(
      ['user', 'add', '--data', dir, '--username', 'Awa.Diallo', '--nation', 'ML', '--role', 'coordinator'],
      'une phrase de passe longue\n',
    );
    expect(added).toMatchObject({ code: 0, stdout: 'User awa.diallo (ML, coordinator) added.\n' });
    const listed = await runDiboli(['user', 'list', '--data', dir]);
    expect(listed.stdout).toContain('awa.diallo\tML\tcoordinator');
  });

  it.each([
    ['an unknown command', ['frobnicate'], 2, /unknown command "frobnicate"/],
    ['init without a nation', ['init', '--data', dir, '--partners', 'SN'], 2, /--nation is required/],
    ['an unknown flag', ['init', '--data', dir, '--nation', 'ML', '--partners', 'SN', '--colour', 'red'], 2, /Unknown option '--colour'/],
    ['a section length of zero', ['init', '--data', dir, '--nation', 'ML', '--partners', 'SN', '--section-km', '0'], 2, /sectionKm must be between/],
    ['changing the nation of a node', ['init', '--data', dir, '--nation', 'SN', '--partners', 'ML'], 1, /already the node of ML/],
    ['an unknown role', ['user', 'add', '--data', dir, '--username', 'x.y', '--nation', 'ML', '--role', 'general'], 1, /role general/],
    ['a nation outside the mechanism', ['user', 'add', '--data', dir, '--username', 'x.y', '--nation', 'FR', '--role', 'analyst'], 1, /FR/],
    ['a username that exists', ['user', 'add', '--data', dir, '--username', 'awa.diallo', '--nation', 'ML', '--role', 'analyst'], 1, /already exists/],
    ['a node folder that was never initialised', ['user', 'list', '--data', join(dir, 'nothing-here')], 1, /not initialised/],
  ])('refuses %s with one line and a non-zero exit', async (_name, args, code, message) => {
    const result = await runDiboli(args as string[], 'une phrase de passe longue\n');
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a short password', async () => {
    const result = await runDiboli(['user', 'add', '--data', dir, '--username', 'short.pw', '--nation', 'ML', '--role', 'analyst'], 'abc\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('at least 12 characters');
  });

  it('reports a broken diboli.toml clearly', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'diboli-toml-'));
    writeFileSync(join(broken, 'diboli.toml'), 'port = "eighty"\n');
    const result = await runDiboli(['serve', '--data', broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('port must be a number');
    rmSync(broken, { recursive: true, force: true });
  });
});
