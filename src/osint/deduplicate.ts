/**
 * The same event reported by several articles: same type, dates at most a day apart, places
 * within 20 km (or the same name when a place has no point); when a date is only a month or a
 * year, the evidence sentences must also share enough words. Each group keeps its first report
 * and lists the others.
 */
import { foldName } from '../geo/gazetteer.js';
import { haversineKm } from '../geo/great-circle.js';
import type { ExtractedEvent } from './article.js';
import { DAY_MS } from '../kernel/durations.js';

export interface ReportedEvent {
  /** Which article reported it (URL or any id). */
  articleId: string;
  event: ExtractedEvent;
}

export interface EventGroup {
  /** The first report of the event, in input order. */
  report: ReportedEvent;
  duplicates: ReportedEvent[];
}

const MAX_DAYS = 1;
const MAX_KM = 20;
const MIN_SIMILARITY = 0.15;

function dayNumber(date: string | null): number | null {
  if (date?.length !== 10) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms / DAY_MS;
}

function sameDate(a: ExtractedEvent, b: ExtractedEvent): boolean {
  const da = dayNumber(a.date);
  const db = dayNumber(b.date);
  if (da !== null && db !== null) return Math.abs(da - db) <= MAX_DAYS;
  // Month or year precision: one must fall within the other.
  if (!a.date || !b.date) return false;
  return a.date.startsWith(b.date) || b.date.startsWith(a.date);
}

function km(a: ExtractedEvent, b: ExtractedEvent): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  return haversineKm(a.lon, a.lat, b.lon, b.lat);
}

function samePlace(a: ExtractedEvent, b: ExtractedEvent): boolean {
  const distance = km(a, b);
  if (distance !== null) return distance <= MAX_KM;
  return a.location !== null && b.location !== null && foldName(a.location) === foldName(b.location);
}

function wordSet(text: string): Set<string> {
  return new Set(
    foldName(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 3),
  );
}

/** Jaccard similarity of the longer words of two texts. */
export function textSimilarity(a: string, b: string): number {
  const wa = wordSet(a);
  const wb = wordSet(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const word of wa) if (wb.has(word)) shared++;
  return shared / (wa.size + wb.size - shared);
}

export function isSameEvent(a: ExtractedEvent, b: ExtractedEvent): boolean {
  return (
    a.event_type === b.event_type &&
    sameDate(a, b) &&
    samePlace(a, b) &&
    // Same type, day and place is enough (reports may be in two languages); with a month or a
    // year only, the words must overlap too.
    ((dayNumber(a.date) !== null && dayNumber(b.date) !== null) || textSimilarity(a.evidence, b.evidence) >= MIN_SIMILARITY)
  );
}

export function deduplicateEvents(reports: readonly ReportedEvent[]): EventGroup[] {
  const groups: EventGroup[] = [];
  for (const report of reports) {
    const group = groups.find((g) => g.report.articleId !== report.articleId && isSameEvent(g.report.event, report.event));
    if (group) group.duplicates.push(report);
    else groups.push({ report, duplicates: [] });
  }
  return groups;
}
