import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { loadGazetteerWithNeighbours } from '../geo/gazetteer.js';
import { readNewsItem, UnreadableItem } from '../osint/read-item.js';
import { IncidentService } from '../services/incident-service.js';
import { NewsService, type IngestResult } from '../services/news-service.js';
import { withNode } from '../composition.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

const ITEM_EXTENSIONS = new Set(['.json', '.txt', '.html', '.htm']);

async function itemFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`${path}: no such file or folder`);
  if (info.isFile()) return [path];
  const names = (await readdir(path)).filter((name) => ITEM_EXTENSIONS.has(extname(name).toLowerCase())).sort();
  return names.map((name) => join(path, name));
}

function tally(results: IngestResult[]): string {
  const stored = results.filter((r) => !r.duplicate);
  const candidates = stored.reduce((n, r) => n + r.candidates, 0);
  return `${stored.length} new article(s) (${stored.filter((r) => r.relevant).length} relevant, ${candidates} candidate event(s)), ${results.length - stored.length} already stored`;
}

export const ingestCommand: Command = {
  summary: 'read news items or a feed into the node’s review queue',
  help: `Usage: diboli ingest --data DIR FILE|FOLDER [--published YYYY-MM-DD]
       diboli ingest --data DIR --feed URL

Reads news into the node: each article is stored once (same address or same text → skipped) with
the candidate events found in it, waiting for an analyst to accept or reject them
(GET /api/v1/news/candidates). FILE is a JSON item {published, title, text, lang?, url?}, an
.html page or a .txt scrape; a FOLDER is read file by file (.json, .html, .htm, .txt). A feed is
RSS 2.0 or Atom, fetched once with a 15 s time limit.

Options:
  --data DIR              the node's data folder
  --feed URL              read an RSS or Atom feed instead of files
  --published YYYY-MM-DD  publication day for .txt and .html files

Exit codes: 0 all read; 1 some items or the feed could not be read (the others are stored);
2 wrong usage.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { ...NODE_FLAGS, feed: { type: 'string' }, published: { type: 'string' } });
    if (!values.feed && positionals.length !== 1) throw new UsageError('give one FILE or FOLDER, or --feed URL');
    if (values.feed && positionals.length > 0) throw new UsageError('give either files or --feed, not both');
    if (values.published !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.published) || Number.isNaN(Date.parse(values.published)))) {
      throw new UsageError(`--published must be YYYY-MM-DD, not "${values.published}"`);
    }
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'ingest', async () => {
      return withNode(config, async (node) => {
        const news = new NewsService(node, new IncidentService(node), () => loadGazetteerWithNeighbours());
        if (values.feed) {
          io.stderr(`Reading ${values.feed}…\n`);
          io.stdout(`${tally(await news.ingestFeed(values.feed))}\n`);
          return 0;
        }
        const files = await itemFiles(positionals[0]!);
        const results: IngestResult[] = [];
        let failed = 0;
        for (const [i, file] of files.entries()) {
          try {
            const item = await readNewsItem(file, { published: values.published });
            results.push(await news.ingest(item));
          } catch (error) {
            if (!(error instanceof UnreadableItem) && !(error instanceof Error && 'code' in error)) throw error;
            failed += 1;
            io.stderr(`diboli ingest: ${file}: ${(error as Error).message}\n`);
          }
          if (files.length > 20 && (i + 1) % 20 === 0) io.stderr(`  ${i + 1}/${files.length}\n`);
        }
        io.stdout(`${tally(results)}${failed ? `, ${failed} unreadable` : ''}\n`);
        return failed ? 1 : 0;
      });
    });
  },
};
