import { writeFileSync } from 'node:fs';
import { isNationCode } from '../kernel/nation.js';
import { earlyWarningOf } from '../services/early-warning-service.js';
import { withNode } from '../composition.js';
import { pdfPrinterOf } from '../services/pdf-printer.js';
import { situationReport, SITREP_FORMATS, type SitrepFormat } from '../services/situation-report.js';
import { UsageError, type Command } from './command.js';
import { configFrom, NODE_FLAGS, NODE_FLAGS_HELP, parseFlags, reportingErrors } from './options.js';

export const sitrepCommand: Command = {
  summary: 'write the situation report of a period (HTML, PDF or Markdown)',
  help: `Usage: diboli sitrep --data DIR --from DATE --to DATE [--lang fr|en] [--format html|pdf|md] [--for NATION] --out FILE

Writes the situation report of the node for the period: summary, incidents by section, type and
day (charts), sections whose threat level changed, patrols completed and coverage gaps, and a map.
The report shows everything the node's own nation may see; with --for, only what the node released
to that partner nation, marked for it (the version to hand over). A day alone (YYYY-MM-DD) means the whole
day. PDF is printed by headless Chromium (/usr/bin/chromium, or DIBOLI_CHROMIUM / chromiumPath).

Options:
  --from DATE         first day (or instant) of the period
  --to DATE           last day (or instant) of the period
  --lang fr|en        language (default fr)
  --format html|pdf|md  (default html)
  --for NATION        the partner nation (ISO code, e.g. SN) whose version to write
  --out FILE          where to write the report
${NODE_FLAGS_HELP}`,
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...NODE_FLAGS,
      from: { type: 'string' },
      to: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      for: { type: 'string' },
    });
    for (const required of ['from', 'to', 'out'] as const) {
      if (typeof values[required] !== 'string' || values[required] === '') throw new UsageError(`--${required} is required`);
    }
    const lang = values.lang ?? 'fr';
    if (lang !== 'fr' && lang !== 'en') throw new UsageError(`--lang must be fr or en (got "${lang}")`);
    const format = values.format ?? 'html';
    if (!(SITREP_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be html, pdf or md (got "${format}")`);
    const audience = values.for;
    if (audience !== undefined && !isNationCode(audience)) throw new UsageError(`--for must be a nation's two-letter code, e.g. SN (got "${audience}")`);
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'sitrep', async () => {
      return withNode(config, async (node) => {
        const earlyWarning = earlyWarningOf(node, { tickMs: 0 });
        await earlyWarning.start();
        const printer = pdfPrinterOf(node);
        try {
          const asked = { from: values.from!, to: values.to!, lang, format: format as SitrepFormat, ...(audience ? { audience } : {}) } as const;
          const report = await printer.forRequester('cli', (print) => situationReport(node, earlyWarning, node.nation, asked, { print }));
          writeFileSync(values.out!, report.body);
          io.stdout(`Situation report written to ${values.out} (${Buffer.byteLength(report.body)} bytes).\n`);
          return 0;
        } finally {
          await printer.close();
          await earlyWarning.stop();
        }
      });
    });
  },
};
