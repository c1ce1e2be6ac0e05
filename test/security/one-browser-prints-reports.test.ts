import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DiboliError } from '../../src/domain/errors.js';
import { PdfPrinter } from '../../src/services/pdf-printer.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Every PDF report used to start a Chromium of its own (six at once: 1.2 GB, and /healthz took a
// second). A node keeps one browser for its reports, queues them, and lets each user have one in
// hand at a time.

/** Every Chromium started in this process, by whichever code starts it. */
const launches = vi.spyOn(chromium, 'launch');

/** Browser processes that are children of this process (the printer's Chromium is started by us). */
function chromiumChildren(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).trim();
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, command]) => command?.startsWith('chrom'))
    .map(([pid]) => Number(pid));
}

async function eventually<T>(probe: () => T, accept: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return probe();
}

const REPORT = '/api/v1/sitrep?from=2026-08-01&to=2026-11-30&format=pdf';
let demo: DemoNode;
let closed = false;

async function pdfAs(username: string) {
  const answer = await demo.app.inject({ method: 'GET', url: REPORT, headers: { authorization: `Bearer ${await demo.token(username)}` } });
  return { status: answer.statusCode, headers: answer.headers, bytes: answer.rawPayload };
}

function textOf(pdf: Buffer): string {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
}

beforeAll(async () => {
  demo = await startDemoNode();
  for (const username of ['coord.ml', 'coord.sn', 'liaison.sn', 'analyst.ml', 'lead.ml', 'observer.ml']) await demo.token(username);
});
afterAll(async () => {
  if (!closed) await demo.close();
});

describe('one browser prints the node’s reports', () => {
  it('prints six users’ concurrent reports with one browser, and refuses a second report to a user who has one printing', async () => {
    const users = ['coord.ml', 'coord.sn', 'liaison.sn', 'analyst.ml', 'lead.ml', 'observer.ml'];
    const answers = await Promise.all([...users, 'coord.ml'].map((username) => pdfAs(username)));

    const coordinator = [answers[0]!, answers[6]!];
    const refused = coordinator.find((a) => a.status === 429);
    expect(coordinator.map((a) => a.status).sort()).toEqual([200, 429]);
    expect(JSON.parse(refused!.bytes.toString('utf8'))).toMatchObject({ code: 'ERR_PDF_BUSY' });
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);

    const printed = answers.filter((a) => a.status === 200);
    expect(printed).toHaveLength(users.length);
    for (const answer of printed) {
      expect(answer.headers['content-type']).toBe('application/pdf');
      expect(textOf(answer.bytes)).toContain('Rapport de situation');
    }
    expect(launches).toHaveBeenCalledTimes(1);
    expect(chromiumChildren()).toHaveLength(1);
  });

  it('keeps the browser for the next reports', async () => {
    const again = await pdfAs('coord.ml');
    expect(again.status).toBe(200);
    expect(textOf(again.bytes)).toContain('Rapport de situation');
    expect(launches).toHaveBeenCalledTimes(1);
  });

  it('starts another browser when it dies', async () => {
    const [browser] = chromiumChildren();
    process.kill(browser!, 'SIGKILL');
    await eventually(chromiumChildren, (pids) => !pids.includes(browser!));
    const after = await pdfAs('analyst.ml');
    expect(after.status).toBe(200);
    expect(textOf(after.bytes)).toContain('Rapport de situation');
    expect(launches).toHaveBeenCalledTimes(2);
    expect(chromiumChildren()).toHaveLength(1);
  });

  it('closes the browser when the node closes', async () => {
    await demo.close();
    closed = true;
    expect(await eventually(chromiumChildren, (pids) => pids.length === 0)).toEqual([]);
  });
});

describe('the printing queue', () => {
  it('admits a bounded number of reports and one per requester', async () => {
    const printer = new PdfPrinter('/nonexistent/chromium', { pagesAtOnce: 1, waiting: 1, retryAfterSeconds: 7 });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = printer.forRequester('awa', () => gate);
    const second = printer.forRequester('moussa', () => gate);
    const codeOf = (run: () => Promise<unknown>) =>
      run().then(
        () => 'admitted',
        (error: DiboliError) => `${error.code} ${error.status} ${error.params.seconds}`,
      );
    expect(await codeOf(() => printer.forRequester('awa', async () => undefined))).toBe('ERR_PDF_BUSY 429 7');
    expect(await codeOf(() => printer.forRequester('ibrahima', async () => undefined))).toBe('ERR_PDF_QUEUE_FULL 503 7');
    open();
    await Promise.all([first, second]);
    expect(await codeOf(() => printer.forRequester('ibrahima', async () => undefined))).toBe('admitted');
  });

  it('answers that printing is unavailable when the configured Chromium is missing', async () => {
    const printer = new PdfPrinter('/nonexistent/chromium');
    await expect(printer.forRequester('awa', (print) => print('<p>x</p>'))).rejects.toMatchObject({ code: 'ERR_PDF_UNAVAILABLE' });
    expect(printer.launches).toBe(0);
  });
});
