import { CsvError, parse } from 'csv-parse/sync';
import { DiboliError, type Lang } from '../domain/errors.js';
import { checkIncidentFacts } from '../domain/incident.js';
import type { Incident } from '../contracts/incident.js';
import { requireVerb } from '../domain/permissions.js';
import { releasabilityOf, requireWritableHere } from '../domain/sovereignty.js';
import type { Actor } from '../domain/user.js';
import { ACLED_SOURCE, REQUIRED_COLUMNS, type AcledRow } from '../exchange/acled.js';
import { planImport, type RowDecision } from '../exchange/import-plan.js';
import { writtenRecord } from '../federation/release.js';
import type { NodeContext } from './node-context.js';

/** Rows one import takes: a nation's whole ACLED history is a few tens of thousands of events. */
export const MAX_IMPORT_ROWS = 200_000;

export interface ImportOptions {
  dryRun: boolean;
  /** Nations the imported incidents are released to; the mechanism's default for incidents if not given. */
  releasableTo?: readonly string[];
  /** The language of the refusal reasons. */
  lang: Lang;
}

export interface ImportReport {
  dryRun: boolean;
  rowsRead: number;
  /** Incidents created, or that the import would create on a dry run. */
  created: number;
  createdIds: string[];
  duplicates: { line: number; key: string; rule: 'same-key' | 'same-event'; incidentId: string | null; duplicateOfLine: number | null }[];
  refused: { line: number; key: string | null; code: string; field: string | null; reason: string }[];
}

/**
 * Brings ACLED's CSV in as incidents of this node's nation. Rows are decided one by one (a
 * refused row is reported with its line and reason and written nowhere), then every accepted row
 * is written in one transaction with its release step and its ACLED key: an import is whole or
 * not at all, never half-written. A file that is not ACLED's layout at all is refused whole.
 */
export class AcledImport {
  constructor(private readonly node: NodeContext) {}

  /** An officer's import, through the API: an owner-nation user whose role holds `incident.import`. */
  async byOfficer(actor: Actor, csv: string, options: ImportOptions): Promise<ImportReport> {
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
    requireVerb(actor, 'incident.import');
    if (options.releasableTo !== undefined) requireVerb(actor, 'incident.release');
    return this.run(csv, options, actor.userId);
  }

  /** The node's operator, from the command line on the node's own data folder. */
  byOperator(csv: string, options: ImportOptions): Promise<ImportReport> {
    return this.run(csv, options, null);
  }

  private async run(csv: string, options: ImportOptions, author: string | null): Promise<ImportReport> {
    const node = this.node;
    const releasableTo = releasabilityOf(node.mechanism, node.nation, 'incident', options.releasableTo, 'releasableTo');
    const rows = readCsv(csv);
    const [importedKeys, own] = await Promise.all([node.repos.importedEvents.keys(ACLED_SOURCE), node.repos.importedEvents.ownIncidents(node.nation)]);
    const now = node.clock.now().toISOString();
    const rules = { now, isInMechanismArea: (p: { lat: number; lon: number }) => node.inArea(p) };
    const decisions = planImport(rows, { importedKeys, own }, (facts) => checkIncidentFacts(facts, rules));
    const incidents = decisions.flatMap((decision): { key: string; incident: Incident }[] =>
      decision.outcome === 'create'
        ? [
            {
              key: decision.key,
              incident: {
                ...decision.facts,
                id: node.ids.newId(),
                owner: node.nation,
                releasableTo,
                version: 1,
                section: node.sectionAt(decision.facts.location),
                createdAt: now,
                updatedAt: now,
                createdBy: author,
              },
            },
          ]
        : [],
    );
    if (!options.dryRun && incidents.length > 0) {
      await node.store.db.transaction().execute(async (trx) => {
        for (const { incident } of incidents) {
          await node.repos.incidents.insertIn(trx, incident);
          await node.release.record(trx, { record: writtenRecord('incident', incident), previous: undefined });
        }
        await node.repos.importedEvents.insertIn(
          trx,
          incidents.map(({ key, incident }) => ({ source: ACLED_SOURCE, externalId: key, incidentId: incident.id, importedAt: now, importedBy: author })),
        );
      });
      for (const { incident } of incidents) node.events.emit('incident', { after: incident });
    }
    return reportOf(
      decisions,
      incidents.map(({ incident }) => incident.id),
      options,
    );
  }
}

function reportOf(decisions: RowDecision[], createdIds: string[], options: ImportOptions): ImportReport {
  const report: ImportReport = {
    dryRun: options.dryRun,
    rowsRead: decisions.length,
    created: createdIds.length,
    createdIds: options.dryRun ? [] : createdIds,
    duplicates: [],
    refused: [],
  };
  for (const decision of decisions) {
    if (decision.outcome === 'duplicate') {
      const { line, key, rule, incidentId, duplicateOfLine } = decision;
      report.duplicates.push({ line, key, rule, incidentId, duplicateOfLine });
    } else if (decision.outcome === 'refused') {
      report.refused.push({
        line: decision.line,
        key: decision.key,
        code: decision.error.code,
        field: decision.error.field ?? null,
        reason: decision.error.messageIn(options.lang),
      });
    }
  }
  return report;
}

/** The rows of the file, each with its line number (the header is line 1). Refuses a file that is not CSV with ACLED's columns. */
function readCsv(csv: string): { line: number; row: AcledRow }[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let columns = new Set<string>();
  const named = (header: string[]) => {
    const names = header.map((h) => h.trim().toLowerCase());
    columns = new Set(names);
    return names;
  };
  try {
    records = parse(csv, {
      columns: named,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      max_record_size: 100_000,
      to: MAX_IMPORT_ROWS + 1,
    }) as never;
  } catch (error) {
    if (error instanceof CsvError) throw new DiboliError('ERR_ACLED_UNREADABLE', { detail: error.message.slice(0, 200) });
    throw error;
  }
  if (records.length > MAX_IMPORT_ROWS) throw new DiboliError('ERR_ACLED_TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.has(column));
  if (missing.length > 0) throw new DiboliError('ERR_ACLED_COLUMNS_MISSING', { columns: missing.join(', ') });
  return records.map(({ record, info }) => ({ line: info.lines, row: record }));
}
