import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { DiboliError } from '../domain/errors.js';
import type { NodeContext } from './node-context.js';

/** Prints one HTML document as an A4 PDF. */
export type Print = (html: string) => Promise<Buffer>;

export interface PrinterLimits {
  /** Documents printed at the same time in the browser (each is a renderer process). */
  pagesAtOnce: number;
  /** Reports admitted beyond those printing; one more is refused until a place frees up. */
  waiting: number;
  /** What a refused caller is told to wait before asking again. */
  retryAfterSeconds: number;
}

export const DEFAULT_PRINTER_LIMITS: PrinterLimits = { pagesAtOnce: 2, waiting: 6, retryAfterSeconds: 5 };

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The node's one headless Chromium for situation reports. A browser costs some 200 MB and a
 * second of start-up: it is started on the first report, kept for the next ones, closed with the
 * node and started again if it dies. Each report prints in a context of its own (no cookies or
 * cache shared, no script run, nothing fetched). Callers queue for a page; a requester has one
 * report in hand at a time (ERR_PDF_BUSY, 429), and the node at most `pagesAtOnce + waiting`
 * (ERR_PDF_QUEUE_FULL, 503).
 */
export class PdfPrinter {
  /** Browsers started so far (kept for the node's health figures and its tests). */
  launches = 0;
  private browser: Promise<Browser> | undefined;
  private readonly requesters = new Set<string>();
  private printing = 0;
  private readonly turns: (() => void)[] = [];
  private readonly limits: PrinterLimits;
  /** Counts `close` calls: a report under way when the node closes is not printed again. */
  private closings = 0;

  constructor(
    private readonly executablePath: string,
    limits: Partial<PrinterLimits> = {},
  ) {
    this.limits = { ...DEFAULT_PRINTER_LIMITS, ...limits };
  }

  /**
   * Runs `work` (which gathers a report and prints it with the `print` it is given) as
   * `requester`'s one report in hand; refused at once when the requester or the node has enough.
   */
  async forRequester<T>(requester: string, work: (print: Print) => Promise<T>): Promise<T> {
    const seconds = this.limits.retryAfterSeconds;
    if (this.requesters.has(requester)) throw new DiboliError('ERR_PDF_BUSY', { seconds });
    if (this.requesters.size >= this.limits.pagesAtOnce + this.limits.waiting) throw new DiboliError('ERR_PDF_QUEUE_FULL', { seconds });
    this.requesters.add(requester);
    try {
      return await work((html) => this.print(html));
    } finally {
      this.requesters.delete(requester);
    }
  }

  /** Closes the browser; the next report starts another. */
  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    this.closings++;
    await browser?.then((b) => b.close()).catch(() => undefined);
  }

  private async print(html: string): Promise<Buffer> {
    await this.turn();
    const closings = this.closings;
    try {
      try {
        return await this.printOnce(html);
      } catch (error) {
        // The browser died under this report (killed, out of memory): once more on a new one.
        if (error instanceof DiboliError || closings !== this.closings || !(await this.forgetDeadBrowser())) throw error;
        return await this.printOnce(html);
      }
    } finally {
      this.printing--;
      this.turns.shift()?.();
    }
  }

  /** Waits for one of the pages the browser may print at once. */
  private turn(): Promise<void> {
    if (this.printing < this.limits.pagesAtOnce) {
      this.printing++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.turns.push(() => {
        this.printing++;
        resolve();
      }),
    );
  }

  private async printOnce(html: string): Promise<Buffer> {
    const browser = await this.running();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      // A report is self-contained: nothing may be fetched from anywhere while printing it.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      // The report's own @page rule sets the paper and the margins its marking and page numbers
      // are printed in; the PDF is tagged (headings, tables, reading order) for screen readers.
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  /** True when the browser had died (it is then forgotten, and the next report starts another). */
  private async forgetDeadBrowser(): Promise<boolean> {
    const current = this.browser;
    const browser = await current?.catch(() => undefined);
    if (browser?.isConnected()) return false;
    if (this.browser === current) this.browser = undefined;
    return true;
  }

  private running(): Promise<Browser> {
    if (this.browser) return this.browser;
    const launching = this.launch();
    this.browser = launching;
    // A browser that dies, or fails to start, is forgotten: the next report starts another.
    const forget = () => {
      if (this.browser === launching) this.browser = undefined;
    };
    launching.then((browser) => browser.on('disconnected', forget), forget);
    return launching;
  }

  private async launch(): Promise<Browser> {
    if (!existsSync(this.executablePath)) throw new DiboliError('ERR_PDF_UNAVAILABLE', { detail: `${this.executablePath} not found` });
    const { chromium } = await import('playwright-core');
    this.launches++;
    try {
      return await chromium.launch({ executablePath: this.executablePath, headless: true, args: LAUNCH_ARGS });
    } catch {
      throw new DiboliError('ERR_PDF_UNAVAILABLE', { detail: `${this.executablePath} did not start` });
    }
  }
}

const printers = new WeakMap<NodeContext, PdfPrinter>();

/** The one printer of a node, using the Chromium its configuration names. */
export function pdfPrinterOf(node: NodeContext): PdfPrinter {
  let printer = printers.get(node);
  if (!printer) {
    printer = new PdfPrinter(node.config.chromiumPath);
    printers.set(node, printer);
  }
  return printer;
}
