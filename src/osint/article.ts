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
}

export interface ExtractionResult {
  relevant: boolean;
  language: 'fr' | 'en' | 'other';
  events: ExtractedEvent[];
}
