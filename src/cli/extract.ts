/**
 * `diboli extract FILE`: the events a news item reports, as one JSON object on stdout.
 * Imports stay light (no server, no database) so that one item is answered quickly.
 */
import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { UsageError } from './command.js';
import type { Article } from '../osint/article.js';
import { readNewsItem, UnreadableItem } from '../osint/read-item.js';

function readArgs(args: string[]) {
  try {
    return parseArgs({
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
}

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

export const extractCommand: Command = {
  summary: 'Find the security events a news item reports (JSON on stdout)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = readArgs(args);
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE (see --help)');
    const published = values.published;
    if (published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new UsageError(`--published must be YYYY-MM-DD, not "${published}"`);
    if (published !== undefined && Number.isNaN(Date.parse(published))) throw new UsageError(`--published is not a date: "${published}"`);
    const file = positionals[0]!;

    let article: Article;
    try {
      article = await readNewsItem(file, { published, title: values.title, readStdin: io.readStdin });
    } catch (error) {
      if (!(error instanceof UnreadableItem)) throw error;
      io.stderr(error.stage === 'read' ? `diboli extract: cannot read ${file}: ${error.message}\n` : `diboli extract: ${file}: ${error.message}\n`);
      return 1;
    }

    const [{ extract }, { loadGazetteerWithNeighboursSync }] = await Promise.all([import('../osint/extract.js'), import('../geo/gazetteer.js')]);
    const result = extract({ ...article, seen: new Date().toISOString().slice(0, 10) }, loadGazetteerWithNeighboursSync());
    const output = { relevant: result.relevant, events: result.events };
    io.stdout(JSON.stringify(output, null, values.pretty ? 2 : undefined) + '\n');
    return 0;
  },
};
