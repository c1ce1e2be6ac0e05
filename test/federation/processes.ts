import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { DIBOLI_BIN } from '../support/node-process.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** A CLI process left running; `exited` settles when it ends, however it ends. */
export interface Running {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

export function startCli(args: string[]): Running {
  const child = spawn(process.execPath, [DIBOLI_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

export async function startServe(dataDir: string, port: number): Promise<Running> {
  const running = startCli(['serve', '--data', dataDir, '--port', String(port)]);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`diboli serve exited: ${running.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return running;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  running.child.kill('SIGKILL');
  throw new Error(`diboli serve did not start: ${running.output()}`);
}

export async function stopProcess(running: Running | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill(signal);
  await running.exited;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `probe` answers true or the time is up. */
export async function until(probe: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await sleep(stepMs);
  }
  return probe();
}
