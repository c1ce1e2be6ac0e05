import type { NationCode } from '../kernel/nation.js';
import type { EventType } from '../domain/event-types.js';

/** One news item as a feed or a scraper delivers it. */
export interface Article {
  /** Publication day `YYYY-MM-DD`, or null when the source does not say. */
  published: string | null;
  title: string;
  text: string;
  lang?: string;
  url?: string;
}

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

export interface ExtractionResult {
  relevant: boolean;
  language: 'fr' | 'en' | 'other';
  events: ExtractedEvent[];
}
