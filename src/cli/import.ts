import { readFile } from 'node:fs/promises';
import type { Lang } from '../domain/errors.js';
import { AcledImport, type ImportReport } from '../services/acled-import.js';
import { withNode } from '../composition.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, parseFlags, reportingErrors } from './options.js';

const WORDS = {
  en: {
    read: 'rows read',
    created: 'incident(s) created',
    wouldCreate: 'incident(s) would be created',
    duplicates: 'duplicate(s)',
    refused: 'refused',
    line: 'line',
    of: 'of',
    sameKey: 'same event_id_cnty',
    sameEvent: 'same type, day and place as',
  },
  fr: {
    read: 'lignes lues',
    created: 'incident(s) créé(s)',
    wouldCreate: 'incident(s) seraient créés',
    duplicates: 'doublon(s)',
    refused: 'refusée(s)',
    line: 'ligne',
    of: 'de',
    sameKey: 'même event_id_cnty',
    sameEvent: 'même type, jour et lieu que',
  },
} as const;

/** The report as an officer reads it: the tally, then each duplicate and each refused row with its line. */
export function describeReport(report: ImportReport, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [
    `${report.rowsRead} ${w.read}; ${report.created} ${report.dryRun ? w.wouldCreate : w.created}; ${report.duplicates.length} ${w.duplicates}; ${report.refused.length} ${w.refused}`,
  ];
  for (const d of report.duplicates) {
    const what =
      d.rule === 'same-key'
        ? `${w.sameKey}${d.incidentId ? ` (${d.incidentId})` : d.duplicateOfLine ? ` (${w.line} ${d.duplicateOfLine})` : ''}`
        : `${w.sameEvent} ${d.incidentId}`;
    lines.push(`  ${w.line} ${d.line} ${d.key}: ${what}`);
  }
  for (const r of report.refused) lines.push(`  ${w.line} ${r.line}${r.key ? ` ${r.key}` : ''}: ${r.reason}`);
  return lines.join('\n') + '\n';
}

export const importCommand: Command = {
  summary: 'import a nation’s history from ACLED’s CSV as incidents of its own',
  help: `Usage: diboli import acled FILE --data DIR [--dry-run] [--releasable-to SN,MR] [--lang fr|en] [--json]

Reads FILE, a CSV in ACLED's column layout (event_id_cnty, event_date, event_type,
sub_event_type, actor1…, location, latitude, longitude, geo_precision, source, notes,
fatalities…), into incidents owned by the node's nation. A row is a duplicate, and skipped, when
its event_id_cnty was imported before, is the id of one of the nation's incidents or came earlier
in the file, or when the nation already recorded an incident of the same event type on the same
day within 5 km that did not come from ACLED. Rows that cannot be read, or that break the node's
rules (date in the future, outside the mechanism's area), are listed with their line and reason
and written nowhere; the accepted rows are written in one transaction.

Options:
  --data DIR              the node's data folder
  --dry-run               decide and report every row, write nothing
  --releasable-to LIST    nations the incidents are released to, comma-separated ("" for
                          national); the mechanism's default for incidents otherwise
  --lang fr|en            language of the report (default fr)
  --json                  print the report as JSON

A node that is serving picks the imported incidents' levels up at its next start.
Exit codes: 0 every row imported or a duplicate; 1 some rows refused (the others are imported)
or the file refused; 2 wrong usage.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      ...NODE_FLAGS,
      'dry-run': { type: 'boolean' },
      'releasable-to': { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [kind, file, ...extra] = positionals;
    if (kind !== 'acled' || !file || extra.length > 0) throw new UsageError('usage: diboli import acled FILE --data DIR [--dry-run]');
    const lang = values.lang ?? 'fr';
    if (lang !== 'fr' && lang !== 'en') throw new UsageError(`--lang must be fr or en, not "${lang}"`);
    const releasable = values['releasable-to'];
    if (releasable !== undefined && !/^([A-Z]{2}(,[A-Z]{2})*)?$/.test(releasable)) throw new UsageError('--releasable-to takes nation codes such as SN,MR');
    const config = configFrom(values);
    const csv = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`${file}: cannot read this file`);
    });
    return reportingErrors(io.stderr, 'import', async () => {
      return withNode(config, async (node) => {
        const started = performance.now();
        const report = await new AcledImport(node).byOperator(csv, {
          dryRun: values['dry-run'] === true,
          releasableTo: releasable === undefined ? undefined : releasable.split(',').filter(Boolean),
          lang,
        });
        io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report, lang));
        io.stderr(`(${Math.round(performance.now() - started)} ms)\n`);
        return report.refused.length > 0 ? 1 : 0;
      });
    });
  },
};
