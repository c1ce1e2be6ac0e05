import type { Generated } from 'kysely';

/** News monitoring: sources, articles stored once, and the candidate events found in them. */
export interface NewsTables {
  newsSources: NewsSourceTable;
  articles: ArticleTable;
  candidates: CandidateTable;
}

export interface NewsSourceTable {
  id: string;
  kind: string;
  location: string;
  name: string;
  /** Admiralty grade the source usually deserves: reliability A–F and credibility 1–6. */
  reliability: string;
  credibility: number;
  enabled: number;
  lastFetchedAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export interface ArticleTable {
  seq: Generated<number>;
  id: string;
  sourceId: string | null;
  /** Normalised address, when the article has one: the same story reached twice is stored once. */
  url: string | null;
  contentHash: string;
  title: string;
  published: string | null;
  language: string;
  text: string;
  relevant: number;
  fetchedAt: string;
}

export interface CandidateTable {
  id: string;
  articleId: string;
  rank: number;
  status: string;
  /** The extracted event as the extractor gave it (JSON). */
  event: string;
  eventType: string;
  eventDate: string | null;
  lat: number | null;
  lon: number | null;
  incidentId: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  createdAt: string;
}
