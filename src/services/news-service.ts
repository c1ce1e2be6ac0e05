import { createHash } from 'node:crypto';
import { DiboliError } from '../domain/errors.js';
import type { DatePrecision, InformationCredibility, SourceReliability } from '../contracts/vocabularies.js';
import type { Incident } from '../contracts/incident.js';
import { requireVerb } from '../domain/permissions.js';
import { requireWritableHere } from '../domain/sovereignty.js';
import type { WatchedCandidate } from '../domain/alert-rules.js';
import type { Actor } from '../domain/user.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import type { Article, ExtractedEvent } from '../osint/article.js';
import { isSameEvent } from '../osint/deduplicate.js';
import { extract } from '../osint/extract.js';
import { normalizeUrl } from '../osint/normalize-url.js';
import { parseFeed, type FeedEntry } from '../osint/parse-feed.js';
import type { Candidate, CandidateStatus, CandidateWithArticle, NewsSource } from '../store/news-repository.js';
import { NewsRepository } from '../store/news-repository.js';
import type { IncidentInput, IncidentService } from './incident-service.js';
import type { NodeContext } from './node-context.js';
import { DAY_MS } from '../kernel/durations.js';

/** The states of a candidate event in the review queue (what the API lists and filters by). */
export { CANDIDATE_STATUSES, type CandidateStatus } from '../store/news-repository.js';

export interface IngestResult {
  articleId: string;
  /** The article was stored before (same address or same text): nothing new was written. */
  duplicate: boolean;
  relevant: boolean;
  candidates: number;
}

export interface AcceptOptions {
  /** Corrections by the analyst, applied over what the extractor found. */
  edits?: Partial<IncidentInput>;
  releasableTo?: string[];
  note?: string;
}

export interface Review {
  candidate: Candidate;
  /** The incident the candidate became, or the existing one it was linked to. */
  incident: Incident | null;
}

/** Who hears of new candidates: early warning raises alerts for severe ones. */
export interface CandidateWatcher {
  newsCandidate(candidate: WatchedCandidate): Promise<unknown>;
}

/** Fetches a feed's body; the real one goes over HTTP with a time limit, tests pass their own. */
export type FeedFetcher = (url: string) => Promise<string>;

const FEED_TIMEOUT_MS = 15_000;
const FEED_MAX_BYTES = 5 * 1024 * 1024;

export const httpFeedFetcher: FeedFetcher = async (url) => {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(FEED_TIMEOUT_MS),
    headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = await response.text();
  if (body.length > FEED_MAX_BYTES) throw new Error('feed larger than 5 MB');
  return body;
};

/** `2025-09` → the first of the month at month precision; the extractor's precision carries over. */
function occurredFrom(event: ExtractedEvent): { occurredAt: string; datePrecision: DatePrecision } | null {
  if (!event.date) return null;
  const [year, month = '01', day = '01'] = event.date.split('-');
  return { occurredAt: `${year}-${month}-${day}T00:00:00.000Z`, datePrecision: event.date_precision ?? 'day' };
}

/** An incident seen as the extractor would have reported it, to compare with a candidate. */
function asReported(incident: Incident): ExtractedEvent {
  const precision = incident.datePrecision === 'hour' ? 'day' : incident.datePrecision;
  const length = precision === 'day' ? 10 : precision === 'month' ? 7 : 4;
  return {
    date: incident.occurredAt.slice(0, length),
    date_precision: precision,
    location: incident.placeName,
    country: null,
    admin1: null,
    lat: incident.location.lat,
    lon: incident.location.lon,
    event_type: incident.eventType as ExtractedEvent['event_type'],
    sub_event_type: incident.subEventType,
    actors: incident.actors,
    fatalities: incident.fatalities,
    evidence: incident.narrative ?? '',
  };
}

/**
 * News monitoring inside the node: articles are stored once with the candidate events the
 * extractor finds; an analyst accepts a candidate (it becomes an incident whose source is the
 * article), links it to an incident already recorded, or rejects it. Candidates are national:
 * partners see only the incidents that come out of them, as released.
 */
export class NewsService {
  private readonly news: NewsRepository;

  constructor(
    private readonly node: NodeContext,
    private readonly incidents: IncidentService,
    private readonly gazetteer: () => Promise<Gazetteer>,
    private readonly watcher?: CandidateWatcher,
  ) {
    this.news = new NewsRepository(node.store.db);
  }

  async ingest(item: Article, sourceId: string | null = null): Promise<IngestResult> {
    if (typeof item.text !== 'string' || item.text.trim() === '') throw new DiboliError('ERR_NEWS_UNREADABLE', { detail: 'empty text' }, 'text');
    const url = item.url ? normalizeUrl(item.url) : null;
    const contentHash = createHash('sha256')
      .update(`${item.title ?? ''}\n${item.text}`.normalize('NFC'))
      .digest('hex');
    const existing = await this.news.findArticle(url, contentHash);
    if (existing) return { articleId: existing.id, duplicate: true, relevant: existing.relevant, candidates: 0 };

    const now = this.node.clock.now().toISOString();
    const result = extract({ ...item, seen: now.slice(0, 10) }, await this.gazetteer());
    const articleId = this.node.ids.newId();
    const candidates: Candidate[] = result.events.map((event, rank) => ({
      id: this.node.ids.newId(),
      articleId,
      rank,
      status: 'pending',
      event,
      incidentId: null,
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
      createdAt: now,
    }));
    await this.news.insertArticle(
      {
        id: articleId,
        sourceId,
        url,
        contentHash,
        title: item.title ?? '',
        published: item.published,
        language: result.language,
        text: item.text,
        relevant: result.relevant,
        fetchedAt: now,
      },
      candidates,
    );
    for (const { id, event } of candidates) {
      await this.watcher?.newsCandidate({
        id,
        article: item.title || url || articleId,
        eventType: event.event_type,
        subEventType: event.sub_event_type,
        fatalities: event.fatalities,
        location: event.lat !== null && event.lon !== null ? [event.lon, event.lat] : null,
        place: event.location,
      });
    }
    return { articleId, duplicate: false, relevant: result.relevant, candidates: candidates.length };
  }

  /** An item submitted by a user through the API. */
  async ingestAs(actor: Actor, item: Article): Promise<IngestResult> {
    requireVerb(actor, 'news.ingest');
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
    return this.ingest(item);
  }

  /** Reads a feed once; each entry is ingested on its own, so one bad entry does not lose the others. */
  async ingestFeed(url: string, fetcher: FeedFetcher = httpFeedFetcher): Promise<IngestResult[]> {
    const source = await this.sourceFor(url);
    let entries: FeedEntry[];
    try {
      entries = parseFeed(await fetcher(url));
    } catch (error) {
      await this.news.markFetched(source.id, this.node.clock.now().toISOString(), (error as Error).message);
      throw new DiboliError('ERR_FEED_UNREACHABLE', { detail: (error as Error).message }, 'url');
    }
    const results: IngestResult[] = [];
    for (const entry of entries) {
      if (entry.text.trim() === '' && entry.title.trim() === '') continue;
      results.push(await this.ingest({ ...entry, text: entry.text || entry.title }, source.id));
    }
    await this.news.markFetched(source.id, this.node.clock.now().toISOString(), null);
    return results;
  }

  async candidates(actor: Actor, status: CandidateStatus | undefined, limit = 200): Promise<CandidateWithArticle[]> {
    // Candidates never leave the nation that found them.
    if (actor.nation !== this.node.nation) return [];
    return this.news.candidates(status, limit);
  }

  async sources(actor: Actor): Promise<NewsSource[]> {
    requireVerb(actor, 'news.ingest');
    return this.news.sources();
  }

  async addSource(
    actor: Actor,
    input: { kind: 'feed' | 'folder'; location: string; name: string; reliability?: string; credibility?: number },
  ): Promise<NewsSource> {
    requireVerb(actor, 'news.ingest');
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
    if (input.kind === 'feed' && !normalizeUrl(input.location)) throw new DiboliError('ERR_VALIDATION', { detail: 'location: http(s) address' }, 'location');
    if (await this.news.sourceAt(input.location)) throw new DiboliError('ERR_VALIDATION', { detail: 'location: source already registered' }, 'location');
    const source: NewsSource = {
      id: this.node.ids.newId(),
      kind: input.kind,
      location: input.location,
      name: input.name,
      reliability: input.reliability ?? 'C',
      credibility: input.credibility ?? 3,
      enabled: true,
      lastFetchedAt: null,
      lastError: null,
    };
    await this.news.addSource(source, this.node.clock.now().toISOString());
    return source;
  }

  async accept(actor: Actor, id: string, options: AcceptOptions = {}): Promise<Review> {
    requireVerb(actor, 'news.review');
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
    const candidate = await this.pending(id);
    const { source: _source, ...reviewable } = candidate;
    const event = candidate.event;
    const when = occurredFrom(event);
    const edits = options.edits ?? {};
    const location = edits.location ?? (event.lat !== null && event.lon !== null ? { lat: event.lat, lon: event.lon } : null);
    if (!location) throw new DiboliError('ERR_CANDIDATE_NEEDS_LOCATION', {}, 'location');
    if (!when && !edits.occurredAt) throw new DiboliError('ERR_CANDIDATE_NEEDS_DATE', {}, 'occurredAt');
    const input: IncidentInput = {
      occurredAt: edits.occurredAt ?? when!.occurredAt,
      datePrecision: edits.datePrecision ?? when?.datePrecision ?? 'day',
      location,
      geoPrecision: edits.geoPrecision ?? 'near',
      placeName: edits.placeName ?? event.location,
      eventType: edits.eventType ?? event.event_type,
      subEventType: edits.subEventType ?? event.sub_event_type,
      actors: edits.actors ?? event.actors,
      fatalities: edits.fatalities ?? event.fatalities,
      injured: edits.injured ?? null,
      abducted: edits.abducted ?? null,
      narrative: edits.narrative ?? event.evidence,
      source: {
        kind: 'article',
        name: candidate.source?.name ?? (candidate.article.title || candidate.article.url),
        reliability: (edits.source?.reliability ?? candidate.source?.reliability ?? 'C') as SourceReliability,
        credibility: (edits.source?.credibility ?? candidate.source?.credibility ?? 3) as InformationCredibility,
      },
      status: edits.status ?? 'unverified',
      releasableTo: options.releasableTo,
    };

    const reviewed = { reviewedBy: actor.userId, reviewedAt: this.node.clock.now().toISOString(), reviewNote: options.note ?? null };
    if (Number.isNaN(Date.parse(input.occurredAt))) throw new DiboliError('ERR_VALIDATION', { detail: 'occurredAt' }, 'occurredAt');
    const dateLength = input.datePrecision === 'month' ? 7 : input.datePrecision === 'year' ? 4 : 10;
    const recorded = await this.sameEventRecorded(actor, {
      ...event,
      lat: location.lat,
      lon: location.lon,
      event_type: input.eventType as ExtractedEvent['event_type'],
      date: new Date(input.occurredAt).toISOString().slice(0, dateLength),
      date_precision: dateLength === 10 ? 'day' : dateLength === 7 ? 'month' : 'year',
    });
    if (recorded) {
      await this.settle(id, { status: 'linked', incidentId: recorded.id, ...reviewed });
      return { candidate: { ...reviewable, status: 'linked', incidentId: recorded.id, ...reviewed }, incident: recorded };
    }
    const incident = await this.incidents.create(actor, input);
    await this.settle(id, { status: 'accepted', incidentId: incident.id, ...reviewed });
    return { candidate: { ...reviewable, status: 'accepted', incidentId: incident.id, ...reviewed }, incident };
  }

  async reject(actor: Actor, id: string, note?: string): Promise<Review> {
    requireVerb(actor, 'news.review');
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
    const { source: _source, ...candidate } = await this.pending(id);
    const reviewed = { reviewedBy: actor.userId, reviewedAt: this.node.clock.now().toISOString(), reviewNote: note ?? null };
    await this.settle(id, { status: 'rejected', incidentId: null, ...reviewed });
    return { candidate: { ...candidate, status: 'rejected', ...reviewed }, incident: null };
  }

  private async pending(id: string) {
    const found = await this.news.candidate(id);
    if (!found) throw new DiboliError('ERR_NOT_FOUND', { kind: 'candidate', id });
    if (found.status !== 'pending') throw new DiboliError('ERR_CANDIDATE_REVIEWED', { status: found.status });
    const { source, article, ...candidate } = found;
    return {
      ...candidate,
      source,
      article: { id: article.id, title: article.title, url: article.url, published: article.published, source: source?.name ?? null },
    };
  }

  private async settle(
    id: string,
    review: { status: CandidateStatus; incidentId: string | null; reviewedBy: string; reviewedAt: string; reviewNote: string | null },
  ) {
    if (!(await this.news.review(id, review))) throw new DiboliError('ERR_CANDIDATE_REVIEWED', { status: 'reviewed' });
  }

  /** An incident of the same type, a day apart at most and within 20 km, that the analyst can see. */
  private async sameEventRecorded(actor: Actor, event: ExtractedEvent): Promise<Incident | undefined> {
    if (event.lat === null || event.lon === null || !event.date) return undefined;
    const day = Date.parse(`${event.date.padEnd(7, '-01').padEnd(10, '-01')}T00:00:00Z`);
    const nearby = await this.node.repos.incidents.search(actor.nation, {
      bbox: [event.lon - 0.3, event.lat - 0.3, event.lon + 0.3, event.lat + 0.3],
      from: new Date(day - 2 * DAY_MS).toISOString(),
      to: new Date(day + (event.date.length === 10 ? 2 : event.date.length === 7 ? 32 : 367) * DAY_MS).toISOString(),
      eventType: event.event_type,
      limit: 200,
    });
    return nearby.find((incident) => isSameEvent(event, asReported(incident)));
  }

  private async sourceFor(url: string): Promise<NewsSource> {
    const known = await this.news.sourceAt(url);
    if (known) return known;
    const source: NewsSource = {
      id: this.node.ids.newId(),
      kind: 'feed',
      location: url,
      name: new URL(url).hostname,
      reliability: 'C',
      credibility: 3,
      enabled: true,
      lastFetchedAt: null,
      lastError: null,
    };
    await this.news.addSource(source, this.node.clock.now().toISOString());
    return source;
  }
}
