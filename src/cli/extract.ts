/**
 * `diboli extract FILE`: the events a news item reports, as one JSON object on stdout.
 * Imports stay light (no server, no database) so that one item is answered quickly.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { UsageError } from './command.js';
import type { Article } from '../osint/article.js';

const MAX_BYTES = 20 * 1024 * 1024;

const HELP = `Usage: diboli extract FILE [--published YYYY-MM-DD] [--title TEXT] [--pretty]

Reads one news item and prints the events it reports as one JSON object:
  {"relevant": bool, "events": [{"date", "date_precision", "location", "country", "admin1",
   "lat", "lon", "event_type", "sub_event_type", "actors", "fatalities", "evidence"}]}
Most salient event first. Articles in languages other than French or English, and articles
that report no concrete security event, give {"relevant": false, "events": []}.

FILE
  *.json   an item {published, title, text, lang?, url?} (published may be null)
  *.html   a web page; its main text is taken with Readability
  other    plain text (a scrape); menus, teasers and reader comments are dropped
  -        read the item from standard input (JSON)

Options
  --published YYYY-MM-DD   publication day, for .txt and .html files (overrides the item's)
  --title TEXT             headline, for .txt files
  --pretty                 indent the JSON
  -h, --help               this text

Exit codes
  0  the item was read (relevant or not)
  1  the file cannot be read (missing, a folder, too large) or is not valid JSON / not an item
  2  wrong usage (unknown option, missing FILE, bad --published date)

Place data: GeoNames (geonames.org), CC BY 4.0.
`;

class InputError extends Error {}

function itemFromJson(text: string): Article {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('the JSON item must be an object');
  const item = value as Record<string, unknown>;
  if (typeof item.text !== 'string') throw new InputError('the JSON item has no "text" string');
  if (item.published !== undefined && item.published !== null && typeof item.published !== 'string') {
    throw new InputError('"published" must be a YYYY-MM-DD string or null');
  }
  return {
    published: typeof item.published === 'string' ? item.published.slice(0, 10) : null,
    title: typeof item.title === 'string' ? item.title : '',
    text: item.text,
    ...(typeof item.lang === 'string' ? { lang: item.lang } : {}),
    ...(typeof item.url === 'string' ? { url: item.url } : {}),
  };
}

function isBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8000);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

export const extractCommand: Command = {
  summary: 'Find the security events a news item reports (JSON on stdout)',
  help: HELP,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          published: { type: 'string' },
          title: { type: 'string' },
          pretty: { type: 'boolean', default: false },
        },
      });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE (see --help)');
    const published = values.published;
    if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new UsageError(`--published must be YYYY-MM-DD, not "${published}"`);
    if (published !== undefined && Number.isNaN(Date.parse(published))) throw new UsageError(`--published is not a date: "${published}"`);
    const file = positionals[0]!;

    let bytes: Buffer;
    try {
      if (file === '-') {
        bytes = Buffer.from(await io.readStdin(), 'utf8');
      } else {
        const info = await stat(file);
        if (!info.isFile()) throw new InputError('not a file');
        if (info.size > MAX_BYTES) throw new InputError(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
        bytes = await readFile(file);
      }
    } catch (error) {
      const reason = error instanceof InputError ? error.message : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
      io.stderr(`diboli extract: cannot read ${file}: ${reason}\n`);
      return 1;
    }

    let article: Article;
    try {
      const kind = file === '-' ? '.json' : extname(file).toLowerCase();
      if (isBinary(bytes)) {
        article = { published: published ?? null, title: '', text: '' };
      } else if (kind === '.json') {
        article = itemFromJson(bytes.toString('utf8'));
        if (published !== undefined) article.published = published;
      } else if (kind === '.html' || kind === '.htm') {
        const { htmlToText } = await import('../osint/html-text.js');
        const page = htmlToText(bytes.toString('utf8'));
        article = { published: published ?? page.published, title: values.title ?? page.title, text: page.text };
      } else {
        article = { published: published ?? null, title: values.title ?? '', text: bytes.toString('utf8') };
      }
    } catch (error) {
      io.stderr(`diboli extract: ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }

    const [{ extract }, { loadGazetteerSync }] = await Promise.all([import('../osint/extract.js'), import('../geo/gazetteer.js')]);
    const result = extract(article, loadGazetteerSync());
    const output = { relevant: result.relevant, events: result.events };
    io.stdout(JSON.stringify(output, null, values.pretty ? 2 : undefined) + '\n');
    return 0;
  },
};
