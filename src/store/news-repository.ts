import type { Kysely } from 'kysely';
import type { ExtractedEvent } from '../domain/news-event.js';
import { CANDIDATE_STATUSES, type CandidateStatus } from '../contracts/vocabularies.js';
import type { NewsSourceTable } from './news-schema.js';
import type { Database } from './schema.js';

export { CANDIDATE_STATUSES, type CandidateStatus };

export interface NewsSource {
  id: string;
  kind: 'feed' | 'folder';
  location: string;
  name: string;
  reliability: string;
  credibility: number;
  enabled: boolean;
  lastFetchedAt: string | null;
  lastError: string | null;
}

export interface StoredArticle {
  id: string;
  sourceId: string | null;
  url: string | null;
  contentHash: string;
  title: string;
  published: string | null;
  language: string;
  text: string;
  relevant: boolean;
  fetchedAt: string;
}

export interface Candidate {
  id: string;
  articleId: string;
  rank: number;
  status: CandidateStatus;
  event: ExtractedEvent;
  incidentId: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  createdAt: string;
}

export interface CandidateWithArticle extends Candidate {
  article: { id: string; title: string; url: string | null; published: string | null; source: string | null };
}

/** Articles, the events found in them, and the sources they come from: national records, never released. */
export class NewsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findArticle(url: string | null, contentHash: string): Promise<StoredArticle | undefined> {
    let q = this.db.selectFrom('articles').selectAll().where('contentHash', '=', contentHash);
    if (url)
      q = this.db
        .selectFrom('articles')
        .selectAll()
        .where((eb) => eb.or([eb('contentHash', '=', contentHash), eb('url', '=', url)]));
    const row = await q.executeTakeFirst();
    return row && { ...row, relevant: row.relevant === 1 };
  }

  /** The article and its candidates together: a crash in between leaves neither. */
  async insertArticle(article: StoredArticle, candidates: Candidate[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('articles')
        .values({ ...article, relevant: article.relevant ? 1 : 0 })
        .execute();
      for (const c of candidates) {
        await trx
          .insertInto('candidates')
          .values({
            id: c.id,
            articleId: c.articleId,
            rank: c.rank,
            status: c.status,
            event: JSON.stringify(c.event),
            eventType: c.event.event_type,
            eventDate: c.event.date,
            lat: c.event.lat,
            lon: c.event.lon,
            incidentId: null,
            reviewedBy: null,
            reviewedAt: null,
            reviewNote: null,
            createdAt: c.createdAt,
          })
          .execute();
      }
    });
  }

  async candidates(status: CandidateStatus | undefined, limit: number): Promise<CandidateWithArticle[]> {
    let q = this.db
      .selectFrom('candidates')
      .innerJoin('articles', 'articles.id', 'candidates.articleId')
      .leftJoin('newsSources', 'newsSources.id', 'articles.sourceId')
      .selectAll('candidates')
      .select(['articles.title', 'articles.url', 'articles.published', 'newsSources.name as sourceName']);
    if (status) q = q.where('candidates.status', '=', status);
    const rows = await q.orderBy('candidates.createdAt', 'desc').orderBy('candidates.rank').limit(limit).execute();
    return rows.map((r) => ({
      ...candidateOf(r),
      article: { id: r.articleId, title: r.title, url: r.url, published: r.published, source: r.sourceName },
    }));
  }

  async candidate(id: string): Promise<(Candidate & { source: NewsSource | undefined; article: StoredArticle }) | undefined> {
    const row = await this.db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const article = await this.db.selectFrom('articles').selectAll().where('id', '=', row.articleId).executeTakeFirstOrThrow();
    const source = article.sourceId ? await this.source(article.sourceId) : undefined;
    return { ...candidateOf(row), source, article: { ...article, relevant: article.relevant === 1 } };
  }

  /** Records a review only if nobody reviewed the candidate meanwhile; false when someone did. */
  async review(
    id: string,
    review: { status: CandidateStatus; incidentId: string | null; reviewedBy: string; reviewedAt: string; reviewNote: string | null },
  ): Promise<boolean> {
    const result = await this.db.updateTable('candidates').set(review).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async addSource(source: NewsSource, createdAt: string): Promise<void> {
    await this.db
      .insertInto('newsSources')
      .values({ ...source, enabled: source.enabled ? 1 : 0, createdAt })
      .execute();
  }

  async sources(): Promise<NewsSource[]> {
    const rows = await this.db.selectFrom('newsSources').selectAll().orderBy('name').execute();
    return rows.map(sourceOf);
  }

  async source(id: string): Promise<NewsSource | undefined> {
    const row = await this.db.selectFrom('newsSources').selectAll().where('id', '=', id).executeTakeFirst();
    return row && sourceOf(row);
  }

  async sourceAt(location: string): Promise<NewsSource | undefined> {
    const row = await this.db.selectFrom('newsSources').selectAll().where('location', '=', location).executeTakeFirst();
    return row && sourceOf(row);
  }

  async markFetched(id: string, at: string, error: string | null): Promise<void> {
    await this.db.updateTable('newsSources').set({ lastFetchedAt: at, lastError: error }).where('id', '=', id).execute();
  }
}

function candidateOf(row: {
  id: string;
  articleId: string;
  rank: number;
  status: string;
  event: string;
  incidentId: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  createdAt: string;
}): Candidate {
  return {
    id: row.id,
    articleId: row.articleId,
    rank: row.rank,
    status: row.status as CandidateStatus,
    event: JSON.parse(row.event) as ExtractedEvent,
    incidentId: row.incidentId,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt,
    reviewNote: row.reviewNote,
    createdAt: row.createdAt,
  };
}

function sourceOf(row: Omit<NewsSourceTable, 'createdAt'>): NewsSource {
  return { ...row, kind: row.kind as NewsSource['kind'], enabled: row.enabled === 1 };
}
