import { MAX_PEOPLE } from '../contracts/schema-kit.js';
import { DiboliError } from '../domain/errors.js';
import { EVENT_TYPES, EVENT_TYPE_NAMES, type EventType } from '../domain/event-types.js';
import type { DatePrecision, GeoPrecision } from '../contracts/vocabularies.js';
import type { Incident, IncidentFacts } from '../contracts/incident.js';
import { NATION_NAME, NUMERIC_CODE, type NationCode } from '../kernel/nation.js';
import { isDay } from '../kernel/instant.js';
import { round6 } from '../geo/geojson-output.js';

/**
 * ACLED's CSV layout (the columns of its exports since March 2023, in their order), and how an
 * incident maps to a row and back. ACLED tools read columns by these names; the columns a node
 * adds after them (`diboli_*`) carry what ACLED has no column for: owner, releasability, status.
 */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export const DIBOLI_COLUMNS = [
  'diboli_id',
  'diboli_owner',
  'diboli_releasable_to',
  'diboli_status',
  'diboli_section',
  'diboli_injured',
  'diboli_abducted',
] as const;

export const EXPORT_COLUMNS = [...ACLED_COLUMNS, ...DIBOLI_COLUMNS] as const;

/** Without these a row cannot become an incident; a file missing one is refused whole. */
export const REQUIRED_COLUMNS = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'latitude', 'longitude'] as const;

export type AcledRow = Partial<Record<(typeof EXPORT_COLUMNS)[number], string>> & Record<string, string | undefined>;

/** The name of the data set in `imported_events`. */
export const ACLED_SOURCE = 'acled';

// ——— export ———

/** ACLED's three disorder types, by event type (Mob violence is political violence, other riots demonstrations). */
function disorderType(eventType: string, subEventType: string): string {
  if (['Battles', 'Explosions/Remote violence', 'Violence against civilians'].includes(eventType)) return 'Political violence';
  if (eventType === 'Riots') return subEventType === 'Mob violence' ? 'Political violence' : 'Demonstrations';
  if (eventType === 'Protests') return 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return '';
}

/** ACLED: 1 the day is known, 2 the week, 3 the month (or coarser). */
const TIME_PRECISION: Record<DatePrecision, string> = { hour: '1', day: '1', month: '3', year: '3' };
const GEO_PRECISION: Record<GeoPrecision, string> = { exact: '1', near: '2', region: '3' };

const count = (value: number | null) => (value === null ? '' : String(value));

export interface PlaceOfEvent {
  /** The nation whose territory holds the point, when the node knows it. */
  country: NationCode | null;
}

/** One incident as a row of ACLED's layout; an incident imported from ACLED keeps its ACLED key. */
export function acledRowOf(
  incident: Incident & { externalId?: string | null; importedFrom?: string | null },
  place: PlaceOfEvent,
): Record<(typeof EXPORT_COLUMNS)[number], string> {
  const [actor1 = '', actor2 = '', ...associated] = incident.actors;
  const country = place.country;
  return {
    event_id_cnty: incident.importedFrom === ACLED_SOURCE && incident.externalId ? incident.externalId : incident.id,
    event_date: incident.occurredAt.slice(0, 10),
    year: incident.occurredAt.slice(0, 4),
    time_precision: TIME_PRECISION[incident.datePrecision] ?? '1',
    disorder_type: disorderType(incident.eventType, incident.subEventType),
    event_type: incident.eventType,
    sub_event_type: incident.subEventType,
    actor1,
    assoc_actor_1: associated.join('; '),
    inter1: '',
    actor2,
    assoc_actor_2: '',
    inter2: '',
    interaction: '',
    civilian_targeting: incident.eventType === 'Violence against civilians' ? 'Civilians targeted' : '',
    iso: country && NUMERIC_CODE[country] ? String(Number(NUMERIC_CODE[country])) : '',
    region: country ? 'Western Africa' : '',
    country: country ? (NATION_NAME[country]?.en ?? country) : '',
    admin1: '',
    admin2: '',
    admin3: '',
    location: incident.placeName ?? '',
    latitude: String(round6(incident.location.lat)),
    longitude: String(round6(incident.location.lon)),
    geo_precision: GEO_PRECISION[incident.geoPrecision] ?? '1',
    source: incident.source.name ?? '',
    source_scale: '',
    notes: incident.narrative ?? '',
    fatalities: count(incident.fatalities),
    tags: '',
    timestamp: String(Math.floor(Date.parse(incident.updatedAt) / 1000)),
    diboli_id: incident.id,
    diboli_owner: incident.owner,
    diboli_releasable_to: incident.releasableTo.join(' '),
    diboli_status: incident.status,
    diboli_section: incident.section ?? '',
    diboli_injured: count(incident.injured),
    diboli_abducted: count(incident.abducted),
  };
}

// ——— import ———

/** What a row of ACLED's layout says about an event, read and checked field by field. */
export interface AcledEvent {
  key: string;
  facts: IncidentFacts;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** ACLED has written dates as `2024-02-20`, `20 February 2024` and `20-02-2024` over the years. */
export function acledDay(text: string): string | undefined {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isDay(value) ? value : undefined;
  const named = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(value);
  const numeric = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(value);
  let day: string | undefined;
  if (named) {
    const month = MONTHS.findIndex((m) => m === named[2]!.toLowerCase() || (named[2]!.length >= 3 && m.startsWith(named[2]!.toLowerCase())));
    if (month >= 0) day = `${named[3]}-${String(month + 1).padStart(2, '0')}-${named[1]!.padStart(2, '0')}`;
  } else if (numeric) {
    day = `${numeric[3]}-${numeric[2]}-${numeric[1]}`;
  }
  return day && isDay(day) ? day : undefined;
}

/** ACLED's spellings that differ from the taxonomy's (case, protestors/protesters). */
function taxonomyName<T extends string>(value: string, names: readonly T[]): T | undefined {
  const folded = value
    .trim()
    .toLowerCase()
    .replace(/protestors/g, 'protesters');
  return names.find((name) => name.toLowerCase() === folded);
}

const bad = (column: string, value: string | undefined) => new DiboliError('ERR_ACLED_VALUE', { column, value: (value ?? '').slice(0, 80) }, column);

function text(row: AcledRow, column: string, max: number, options: { cut?: boolean } = {}): string | null {
  const value = (row[column] ?? '').trim();
  if (value === '') return null;
  if (value.length > max && !options.cut) throw bad(column, value);
  return value.slice(0, max);
}

function number(row: AcledRow, column: string, min: number, max: number): number {
  const raw = (row[column] ?? '').trim();
  const value = raw === '' ? NaN : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw bad(column, raw);
  return value;
}

const TIME_PRECISION_READ: Record<string, DatePrecision> = { '': 'day', '1': 'day', '2': 'month', '3': 'month' };
const GEO_PRECISION_READ: Record<string, GeoPrecision> = { '': 'exact', '1': 'exact', '2': 'near', '3': 'region' };

function actorsOf(row: AcledRow): string[] {
  const associated = (column: string) => (row[column] ?? '').split(';').map((a) => a.trim());
  const all = [row.actor1 ?? '', row.actor2 ?? '', ...associated('assoc_actor_1'), ...associated('assoc_actor_2')].map((a) => a.trim()).filter(Boolean);
  const unique = [...new Set(all)];
  if (unique.length > 50 || unique.some((a) => a.length > 200)) throw bad('actor1', unique.find((a) => a.length > 200) ?? `${unique.length} actors`);
  return unique;
}

/**
 * Reads one row into an incident's facts, or throws the first thing wrong with it (a coded error
 * naming its column). Week precision (2) becomes `month`, the finest of ours that does not claim
 * more than ACLED knows. ACLED's 0 fatalities stays 0: ACLED codes a number, never a blank.
 */
export function readAcledRow(row: AcledRow): AcledEvent {
  const key = text(row, 'event_id_cnty', 100);
  if (!key) throw bad('event_id_cnty', row.event_id_cnty);
  const day = acledDay(row.event_date ?? '');
  if (!day) throw bad('event_date', row.event_date);
  const eventType = taxonomyName(row.event_type ?? '', EVENT_TYPE_NAMES);
  if (!eventType) throw new DiboliError('ERR_UNKNOWN_EVENT_TYPE', { value: (row.event_type ?? '').slice(0, 80) }, 'event_type');
  const subEventType = taxonomyName(row.sub_event_type ?? '', EVENT_TYPES[eventType as EventType] as readonly string[]);
  if (!subEventType) throw new DiboliError('ERR_SUB_EVENT_TYPE_MISMATCH', { value: (row.sub_event_type ?? '').slice(0, 80), eventType }, 'sub_event_type');
  const datePrecision = TIME_PRECISION_READ[(row.time_precision ?? '').trim()];
  if (!datePrecision) throw bad('time_precision', row.time_precision);
  const geoPrecision = GEO_PRECISION_READ[(row.geo_precision ?? '').trim()];
  if (!geoPrecision) throw bad('geo_precision', row.geo_precision);
  const lat = number(row, 'latitude', -90, 90);
  const lon = number(row, 'longitude', -180, 180);
  const fatalitiesText = (row.fatalities ?? '').trim();
  const fatalities = fatalitiesText === '' ? null : number(row, 'fatalities', 0, MAX_PEOPLE);
  if (fatalities !== null && !Number.isInteger(fatalities)) throw bad('fatalities', fatalitiesText);
  return {
    key,
    facts: {
      occurredAt: `${day}T00:00:00.000Z`,
      datePrecision,
      location: { lat, lon },
      geoPrecision,
      placeName: text(row, 'location', 200, { cut: true }),
      eventType,
      subEventType,
      actors: actorsOf(row),
      fatalities,
      injured: null,
      abducted: null,
      narrative: text(row, 'notes', 20_000),
      // ACLED's source column names the outlets, often many: kept as the source's name, cut to fit.
      source: { kind: 'other', name: text(row, 'source', 300, { cut: true }) ?? 'ACLED', reliability: null, credibility: null },
      status: 'unverified',
    },
  };
}
