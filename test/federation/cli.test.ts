import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('issues a secondment on the officer’s node and creates the account with it on the host', async () => {
    const file = join(snDir, 'coord.kidira.json');
    const usage = await runCli(['secondment', 'issue', '--data', snDir, '--username', 'coord.kidira']);
    expect(usage.code).toBe(2);
    const adminRole = await runCli(['secondment', 'issue', '--data', snDir, '--username', 'coord.kidira', '--role', 'admin', '--host', 'ML', '--out', file]);
    expect(adminRole.code).toBe(1);
    const issued = await runCli([
      'secondment',
      'issue',
      '--data',
      snDir,
      '--username',
      'coord.kidira',
      '--role',
      'coordinator',
      '--host',
      'ML',
      '--days',
      '10',
      '--out',
      file,
    ]);
    expect(issued.code).toBe(0);
    const credential = JSON.parse(readFileSync(file, 'utf8')) as { id: string; issuer: string; host: string; role: string };
    expect(credential).toMatchObject({ issuer: 'SN', host: 'ML', role: 'coordinator' });

    // Mali registered Senegal's key (first test): the account is made with the credential's nation and role.
    const added = await runCli(['user', 'add', '--data', mlDir, '--username', 'coord.kidira', '--credential', file], 'une longue phrase secrète\n');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`credential ${credential.id}`);
    expect((await runCli(['user', 'list', '--data', mlDir])).stdout).toContain('coord.kidira\tSN\tcoordinator');
    expect((await runCli(['secondment', 'list', '--data', mlDir])).stdout).toMatch(/held\tcoord\.kidira\tSN\tcoordinator\tvalid until/);
    expect((await runCli(['secondment', 'list', '--data', snDir])).stdout).toContain(`issued\t${credential.id}\tcoord.kidira`);

    // The same credential does not make another account, and a node of the wrong nation refuses it.
    const other = await runCli(['user', 'add', '--data', mlDir, '--username', 'someone.else', '--credential', file], 'une longue phrase secrète\n');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/credential refused/);
    expect((await runCli(['user', 'list', '--data', mlDir])).stdout).not.toContain('someone.else');

    const withdrawn = await runCli(['secondment', 'withdraw', '--data', mlDir, '--username', 'coord.kidira']);
    expect(withdrawn.code).toBe(0);
    expect((await runCli(['secondment', 'list', '--data', mlDir])).stdout).toContain('no credential: reads only');
    expect((await runCli(['secondment', 'revoke', '--data', snDir, '--id', credential.id])).code).toBe(0);
    expect((await runCli(['secondment', 'list', '--data', snDir])).stdout).toMatch(/revoked/);
  }, 60_000);

  it('sync reports a peer that cannot be reached and exits non-zero', async () => {
    const run = await runCli(['sync', '--data', mlDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SN/);
    expect((await runCli(['peer', 'list', '--data', mlDir])).stdout).toMatch(/last error/);
  }, 60_000);
});
