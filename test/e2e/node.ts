import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningNode {
  origin: string;
  /** The node's data folder (undefined for a node started elsewhere, DIBOLI_E2E_ORIGIN). */
  dataDir?: string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(origin: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the demo node exited with ${child.exitCode}:\n${logs()}`);
    try {
      const answer = await fetch(`${origin}/healthz`);
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the demo node did not answer /healthz in time:\n${logs()}`);
}

/**
 * A real demo node on loopback, with its own data folder. `DIBOLI_E2E_ORIGIN` points the tests at
 * a node already running instead (handy while working on the UI alone).
 */
export async function startDemoNode(): Promise<RunningNode> {
  const existing = process.env.DIBOLI_E2E_ORIGIN;
  if (existing) return { origin: existing, stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), 'diboli-e2e-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/diboli.js', 'demo', '--data', dataDir, '--serve', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The webhook the UI tests add points at loopback, which a node refuses unless allowed.
    env: { ...process.env, DIBOLI_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(origin, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, dataDir, stop };
}

/** A demo node process on a given data folder and port, which a test may kill and start again on the same data. */
export interface NodeProcess {
  origin: string;
  /** Ends the process with `signal` (SIGKILL: no shutdown at all) and waits for it to be gone. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

export async function startNodeProcess(dataDir: string, port: number): Promise<NodeProcess> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/diboli.js', 'demo', '--data', dataDir, '--serve', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  try {
    await waitForHealth(origin, child, () => output);
  } catch (error) {
    await kill('SIGKILL');
    throw error;
  }
  return { origin, kill };
}
