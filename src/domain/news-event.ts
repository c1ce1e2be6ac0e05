import type { NationCode } from '../kernel/nation.js';
import type { EventType } from './event-types.js';

/*
 * A news event as the extractor reports it and the news queue stores it: a domain record, so that
 * the store keeps it without knowing the extractor.
 */

export type DatePrecision = 'day' | 'month' | 'year';

/** A candidate event, in the shape of the `diboli extract` contract. */
export interface ExtractedEvent {
  /** ISO date at its precision: `2025-09-14`, `2025-09` or `2025`; null when the text gives none. */
  date: string | null;
  date_precision: DatePrecision | null;
  location: string | null;
  country: NationCode | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  event_type: EventType;
  sub_event_type: string;
  actors: string[];
  fatalities: number | null;
  evidence: string;
}

/** Where a news event stands in the officers' review queue. */
