import type { ExtractedEvent } from '../domain/news-event.js';

export type { DatePrecision, ExtractedEvent } from '../domain/news-event.js';

/** One news item as a feed or a scraper delivers it. */
export interface Article {
  /** Publication day `YYYY-MM-DD`, or null when the source does not say. */
  published: string | null;
  title: string;
  text: string;
  lang?: string;
  url?: string;
  /**
   * The day the node read the page (`YYYY-MM-DD`). A page with no day of its own that writes a
   * weekday date without its year (« mardi 21 janvier ») is dated by the latest such day not after it.
   */
  seen?: string;
}

export interface ExtractionResult {
  relevant: boolean;
  language: 'fr' | 'en' | 'other';
  events: ExtractedEvent[];
}
