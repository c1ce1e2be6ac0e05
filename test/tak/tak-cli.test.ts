import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Enrolling a TAK user is one command and one file; revoking is one command.

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

async function diboli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '' });
  return { code, stdout, stderr };
}

describe('diboli tak', () => {
  it('makes the CA once, enrols a user into a private data package, and revokes them', async () => {
    expect((await diboli('tak', 'enrol', '--data', demo.dir, '--username', 'lead.ml', '--out', join(demo.dir, 'x.zip'))).stderr).toMatch(
      /no TAK certificate authority: run "diboli tak ca init"/,
    );
    const init = await diboli('tak', 'ca', 'init', '--data', demo.dir, '--server', 'tak.diboli.example');
    expect(init).toMatchObject({ code: 0 });
    expect(statSync(join(demo.dir, 'tak', 'ca.key')).mode & 0o777).toBe(0o600);
    expect((await diboli('tak', 'ca', 'init', '--data', demo.dir)).code).toBe(1);

    const out = join(demo.dir, 'lead.zip');
    const enrol = await diboli('tak', 'enrol', '--data', demo.dir, '--username', 'lead.ml', '--out', out);
    expect(enrol.code).toBe(0);
    expect(enrol.stdout).toContain('tak.diboli.example:8089');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(Object.keys(unzipSync(readFileSync(out)))).toContain('certs/diboli-ml-tak.diboli.example-lead.ml.p12');

    expect(await diboli('tak', 'enrol', '--data', demo.dir, '--username', 'nobody', '--out', out)).toMatchObject({ code: 1 });
    expect((await diboli('tak', 'revoke', '--data', demo.dir, '--username', 'lead.ml')).stdout).toMatch(/^1 TAK certificate\(s\) of lead.ml revoked/);
    expect(await diboli('tak', 'enrol', '--data', demo.dir)).toMatchObject({ code: 2 });
    expect((await diboli('--help')).stdout).toMatch(/tak\s+TAK clients/);
  });
});
