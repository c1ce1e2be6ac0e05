import type SQLite from 'better-sqlite3';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { EVENT_TYPE_FR, SUB_EVENT_TYPE_FR } from '../domain/event-type-names.js';
import type { Database } from './schema.js';

const MARKS = /\p{M}/gu;

/** Lower case without accents: "Kayès" and "KAYES" read alike. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Registers `fold(text)` on the connection, for searches that ignore case and accents. */
export function registerTextFunctions(sqlite: SQLite.Database): void {
  sqlite.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? fold(value) : value));
}

/** The event types and sub-types whose English code or French name contains `word` (folded). */
function typesNamed(word: string, names: Readonly<Record<string, string>>): string[] {
  return Object.entries(names)
    .filter(([code, french]) => fold(code).includes(word) || fold(french).includes(word))
    .map(([code]) => code);
}

const likeEscaped = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Free-text search of incidents: every word of `q` must appear, ignoring case and accents, in the
 * narrative, place, actors, source name or id, or name the incident's type or sub-type in French
 * or English ("contrebande" finds Smuggling). The read rule is applied by the caller's query.
 */
export function incidentTextMatch(q: string) {
  const words = fold(q).split(/\s+/).filter(Boolean).slice(0, 10);
  return (eb: ExpressionBuilder<Database, 'incidents'>): Expression<SqlBool> =>
    eb.and(
      words.map((word) => {
        const pattern = likeEscaped(word);
        const inText = ['incidents.narrative', 'incidents.placeName', 'incidents.actors', 'incidents.sourceName', 'incidents.id'].map(
          (column) => sql<SqlBool>`fold(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`,
        );
        const types = typesNamed(word, EVENT_TYPE_FR);
        const subTypes = typesNamed(word, SUB_EVENT_TYPE_FR);
        return eb.or([
          ...inText,
          ...(types.length ? [eb('incidents.eventType', 'in', types)] : []),
          ...(subTypes.length ? [eb('incidents.subEventType', 'in', subTypes)] : []),
        ]);
      }),
    );
}
