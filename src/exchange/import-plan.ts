import { haversineKm } from '../geo/great-circle.js';
import { DiboliError } from '../domain/errors.js';
import type { IncidentFacts } from '../contracts/incident.js';
import { readAcledRow, type AcledRow } from './acled.js';

/**
 * What an import does with each row, decided before anything is written (so a dry run and the
 * import itself say the same). The duplicate rules:
 *
 * 1. **Same key**: the row's `event_id_cnty` was imported before (from any file), is the id of one
 *    of the nation's incidents (a file this node exported, brought back), or appeared on an earlier
 *    line of the same file.
 * 2. **Same event**: the nation already recorded, by hand or from the news, an incident of the
 *    same event type on the same calendar day (UTC) within `NEAR_DUPLICATE_KM` of the row's point.
 *    Only incidents that did not come from ACLED count here: two ACLED rows with different keys are
 *    two events to ACLED (two clashes in one town on one day), and stay two.
 *
 * Only the nation's own incidents are compared: a partner's released copy can be narrowed away at
 * any time and does not stand for this nation's history.
 */
export const NEAR_DUPLICATE_KM = 5;

export interface KnownIncident {
  id: string;
  eventType: string;
  occurredAt: string;
  lat: number;
  lon: number;
  importedFrom: string | null;
}

export interface KnownEvents {
  /** Keys imported before, with the incident each became. */
  importedKeys: ReadonlyMap<string, string>;
  /** The nation's own incidents. */
  own: readonly KnownIncident[];
}

export type RowDecision =
  | { line: number; outcome: 'create'; key: string; facts: IncidentFacts }
  | { line: number; outcome: 'duplicate'; key: string; rule: 'same-key' | 'same-event'; incidentId: string | null; duplicateOfLine: number | null }
  | { line: number; outcome: 'refused'; key: string | null; error: DiboliError };

/**
 * Decides every row: `check` applies the node's rules to a row's facts (event type, not in the
 * future, inside the mechanism's area) and throws a coded error when one fails. `line` numbers
 * count the header as line 1, as a spreadsheet shows them.
 */
export function planImport(rows: readonly { line: number; row: AcledRow }[], known: KnownEvents, check: (facts: IncidentFacts) => void): RowDecision[] {
  const ownIds = new Map(known.own.map((incident) => [incident.id, incident.id]));
  const byTypeAndDay = new Map<string, KnownIncident[]>();
  for (const incident of known.own) {
    if (incident.importedFrom === 'acled') continue;
    const bucket = `${incident.eventType}|${incident.occurredAt.slice(0, 10)}`;
    byTypeAndDay.set(bucket, [...(byTypeAndDay.get(bucket) ?? []), incident]);
  }
  const seenInFile = new Map<string, number>();
  return rows.map(({ line, row }): RowDecision => {
    let key: string | null = (row.event_id_cnty ?? '').trim() || null;
    try {
      const event = readAcledRow(row);
      key = event.key;
      const earlier = known.importedKeys.get(key) ?? ownIds.get(key);
      if (earlier !== undefined) return { line, outcome: 'duplicate', key, rule: 'same-key', incidentId: earlier, duplicateOfLine: null };
      const earlierLine = seenInFile.get(key);
      if (earlierLine !== undefined) return { line, outcome: 'duplicate', key, rule: 'same-key', incidentId: null, duplicateOfLine: earlierLine };
      check(event.facts);
      seenInFile.set(key, line);
      const { lat, lon } = event.facts.location;
      const candidates = byTypeAndDay.get(`${event.facts.eventType}|${event.facts.occurredAt.slice(0, 10)}`) ?? [];
      const same = candidates.find((incident) => haversineKm(incident.lon, incident.lat, lon, lat) <= NEAR_DUPLICATE_KM);
      if (same) return { line, outcome: 'duplicate', key, rule: 'same-event', incidentId: same.id, duplicateOfLine: null };
      return { line, outcome: 'create', key, facts: event.facts };
    } catch (error) {
      if (!(error instanceof DiboliError)) throw error;
      return { line, outcome: 'refused', key, error };
    }
  });
}
