import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { main } from '../../src/cli/main.js';
import { DATABASE_FILE, openStore } from '../../src/store/database.js';
import { freePort } from '../e2e/node.js';
import { DIBOLI_BIN, exited } from '../support/node-process.js';

// The data folder holds the node's Ed25519 signing key and every password hash (in diboli.db):
// no other account on the machine may list it or read a file in it.

const root = mkdtempSync(join(tmpdir(), 'diboli-private-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** Every regular file directly in the folder, with its permission bits. */
function fileModes(dir: string): Record<string, number> {
  const modes: Record<string, number> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) modes[name] = modeOf(path);
  }
  return modes;
}

function quiet() {
  const err: string[] = [];
  return { io: { stdout: () => undefined, stderr: (s: string) => void err.push(s), readStdin: async () => '' }, err };
}

/** Under a umask that lets everyone read everything, so the modes cannot come from the umask. */
async function withOpenUmask<T>(run: () => Promise<T>): Promise<T> {
  const before = process.umask(0);
  try {
    return await run();
  } finally {
    process.umask(before);
  }
}

describe('the data folder is private to the account that runs the node', () => {
  it('diboli init makes the folder 0700 and the database 0600, whatever the umask', async () => {
    const dir = join(root, 'init');
    const { io, err } = quiet();
    const code = await withOpenUmask(() => main(['init', '--data', dir, '--nation', 'ML', '--partners', 'SN', '--section-km', '50'], io));
    expect(code, err.join('')).toBe(0);
    expect(modeOf(dir)).toBe(0o700);
    expect(fileModes(dir)[DATABASE_FILE]).toBe(0o600);
    expect(Object.values(fileModes(dir)).every((mode) => mode === 0o600)).toBe(true);
  });

  it('keeps the write-ahead log and shared-memory files 0600 while the node writes', async () => {
    const dir = join(root, 'init');
    const store = await withOpenUmask(() => openStore(dir));
    try {
      store.sqlite.exec('CREATE TABLE IF NOT EXISTS scratch (x INTEGER); INSERT INTO scratch VALUES (1);');
      expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(true);
      expect(fileModes(dir)).toMatchObject({ [DATABASE_FILE]: 0o600, [`${DATABASE_FILE}-wal`]: 0o600, [`${DATABASE_FILE}-shm`]: 0o600 });
    } finally {
      await store.close();
    }
  });

  it('diboli demo makes a private folder too', async () => {
    const dir = join(root, 'demo');
    const { io, err } = quiet();
    expect(await withOpenUmask(() => main(['demo', '--data', dir], io)), err.join('')).toBe(0);
    expect(modeOf(dir)).toBe(0o700);
    expect(Object.entries(fileModes(dir)).filter(([, mode]) => mode !== 0o600)).toEqual([]);
  });

  it('diboli serve tightens a folder an earlier version left readable by everyone', async () => {
    const dir = join(root, 'demo');
    // As an earlier version (and the default umask) left it, with the operator's settings beside it.
    writeFileSync(join(dir, 'diboli.toml'), 'logLevel = "silent"\n');
    chmodSync(dir, 0o755);
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644);
    const port = await freePort();
    // A real process started under `umask 000`: nothing it makes may be readable by others.
    const child = spawn('/bin/sh', ['-c', `umask 000 && exec "${process.execPath}" "${DIBOLI_BIN}" serve --data "${dir}" --port ${port}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DIBOLI_LOG_LEVEL: 'silent' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const origin = `http://127.0.0.1:${port}`;
      await new Promise<void>((resolve, reject) => {
        const poll = () => {
          if (child.exitCode !== null) return reject(new Error(`serve exited:\n${output}`));
          fetch(`${origin}/healthz`).then(
            (r) => (r.ok ? resolve() : setTimeout(poll, 100)),
            () => setTimeout(poll, 100),
          );
        };
        poll();
      });
      // A login writes (audit, session), so the write-ahead log is in use.
      const login = await fetch(`${origin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'analyst.ml', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      expect(modeOf(dir)).toBe(0o700);
      const modes = fileModes(dir);
      expect(modes).toMatchObject({ [DATABASE_FILE]: 0o600, 'diboli.toml': 0o600 });
      expect(Object.entries(modes).filter(([, mode]) => mode !== 0o600)).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  });
});
