/**
 * The news extractor: an article in, the candidate events it reports out, most salient first.
 * Pure: the gazetteer and the statistical model are passed in (the model shipped in data/news/ is
 * read once by default); HTML is turned into text beforehand (see html-text.ts).
 */
import type { Gazetteer } from '../geo/gazetteer.js';
import type { Article, ExtractionResult } from './article.js';
import { assembleEvents } from './assemble-events.js';
import { cleanScrape, datelineOf } from './clean-scrape.js';
import { detectLanguage } from './language.js';
import { shippedNewsModel, type NewsModel } from './model/news-model.js';
import { latestWrittenDay, pageDay, pageMonth, statedDay } from './page-date.js';
import { parseIsoDay, resolveDates } from './resolve-dates.js';
import { weekdayDateYear } from './weekday-year.js';
import { DAY_MS } from '../kernel/durations.js';

const dayMs = (iso: string) => {
  const day = parseIsoDay(iso)!;
  return Date.UTC(day.y, day.m - 1, day.d);
};
const daysBetween = (from: string, to: string) => (dayMs(to) - dayMs(from)) / DAY_MS;

/** Longer texts are cut: a news report states its facts early, and time must stay bounded. */
const MAX_TEXT = 60_000;

/** An article as the extractor reads it: text cleaned of its page, language decided. */
export interface PreparedArticle {
  title: string;
  body: string;
  published: string | null;
  language: 'fr' | 'en' | 'other';
}

export function prepareArticle(article: Article): PreparedArticle {
  // Composed accents, so that "é" is one character wherever the text comes from.
  const body = cleanScrape(article.text.slice(0, MAX_TEXT).normalize('NFC'));
  const title = cleanScrape((article.title ?? '').normalize('NFC')).replace(/\n+/g, ' ');
  const detected = detectLanguage(`${title}\n${body}`);
  const language = detected === 'other' && (article.lang === 'fr' || article.lang === 'en') && body.length < 200 ? article.lang : detected;
  let published = /^\d{4}-\d{2}-\d{2}$/.test(article.published ?? '') ? article.published : null;
  // The dateline's day is the day the report was filed: it stands in for a missing publication
  // day, and its weekdays count from it when the feed saw the report a few days later.
  const dateline = language !== 'other' ? datelineOf(article.text.slice(0, 3000)) : null;
  const filed = dateline ? (resolveDates(dateline, published, language as 'fr' | 'en').find((d) => d.precision === 'day')?.date ?? null) : null;
  if (published === null) published = filed;
  else if (filed !== null && filed < published && daysBetween(filed, published) <= 7) published = filed;
  // Else a line saying when the page was put online (« Publié le 14 mars 2025 »).
  if (published === null && language !== 'other') published = statedDay(article.text.slice(0, 3000), language);
  // Else a weekday date without its year (« mardi 21 janvier »), in the latest year that fits.
  // Not before a day the text writes in full (« dans la nuit du jeudi 22 au vendredi 23 décembre
  // 2022 »), which would otherwise fall after the page's guessed day and be lost.
  if (published === null && language !== 'other' && article.seen) {
    const guess = weekdayDateYear(`${title}\n${body}`, article.seen);
    const written = guess === null ? null : latestWrittenDay(body, article.seen, language as 'fr' | 'en');
    published = written !== null && guess !== null && written > guess ? written : guess;
  }
  // A broadcast's header or a post's byline may date the page a day or two before the feed did.
  if (language !== 'other') published = pageDay(body, published, language);
  return { title, body, published, language };
}

/**
 * The events an article reports. `model` is the statistical layer (the shipped one unless given;
 * null for the rules alone).
 */
export function extract(article: Article, gazetteer: Gazetteer, model: NewsModel | null = shippedNewsModel()): ExtractionResult {
  const { title, body, published, language } = prepareArticle(article);
  if (language === 'other') return { relevant: false, language, events: [] };
  const { relevant, events } = assembleEvents({ title, body, published, language }, gazetteer, model);
  // A page with no day of its own may still say its month (« Le Calame (mars 2023) »): an event it
  // leaves undated happened then.
  const month = published === null ? pageMonth(body, language, article.text) : null;
  if (month) for (const { event } of events) if (event.date === null) Object.assign(event, { date: month, date_precision: 'month' });
  return { relevant, language, events: events.map((e) => e.event) };
}
