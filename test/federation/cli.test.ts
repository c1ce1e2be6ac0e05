import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initNodeFolder, removeFolder } from './nodes.js';
import { runDiboli as runCli } from '../support/node-process.js';

let mlDir: string;
let snDir: string;

beforeAll(async () => {
  if (!existsSync('dist/src/cli/main.js')) throw new Error('build first: npx tsc -p tsconfig.build.json');
  [mlDir, snDir] = await Promise.all([initNodeFolder('ML'), initNodeFolder('SN')]);
}, 60_000);

afterAll(() => {
  for (const dir of [mlDir, snDir]) if (dir) removeFolder(dir);
});

describe('federation commands', () => {
  it('shows the node key, registers a peer with it and lists it', async () => {
    const info = await runCli(['node', 'info', '--data', snDir, '--json']);
    expect(info.code).toBe(0);
    const { nation, publicKey } = JSON.parse(info.stdout) as { nation: string; publicKey: string };
    expect(nation).toBe('SN');
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);

    const bad = await runCli(['peer', 'add', '--data', mlDir, '--nation', 'SN', '--url', 'http://127.0.0.1:9', '--key', 'pas-une-clé']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/public key/);
    const outsider = await runCli(['peer', 'add', '--data', mlDir, '--nation', 'GN', '--url', 'http://127.0.0.1:9', '--key', publicKey]);
    expect(outsider.code).toBe(1);

    const added = await runCli(['peer', 'add', '--data', mlDir, '--nation', 'SN', '--url', 'http://127.0.0.1:9', '--key', publicKey]);
    expect(added.code).toBe(0);
    const listed = await runCli(['peer', 'list', '--data', mlDir]);
    expect(listed.stdout).toContain(`SN\thttp://127.0.0.1:9\t${publicKey}\tcursor 0`);
  }, 60_000);

  it('sync reports a peer that cannot be reached and exits non-zero', async () => {
    const run = await runCli(['sync', '--data', mlDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SN/);
    expect((await runCli(['peer', 'list', '--data', mlDir])).stdout).toMatch(/last error/);
  }, 60_000);
});
