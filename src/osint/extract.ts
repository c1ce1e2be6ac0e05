/**
 * The news extractor: an article in, the candidate events it reports out, most salient first.
 * Pure: the gazetteer is passed in; HTML is turned into text beforehand (see html-text.ts).
 */
import type { Gazetteer } from '../geo/gazetteer.js';
import type { Article, ExtractionResult } from './article.js';
import { assembleEvents } from './assemble-events.js';
import { cleanScrape } from './clean-scrape.js';
import { detectLanguage } from './language.js';

/** Longer texts are cut: a news report states its facts early, and time must stay bounded. */
const MAX_TEXT = 60_000;

export function extract(article: Article, gazetteer: Gazetteer): ExtractionResult {
  // Composed accents, so that "é" is one character wherever the text comes from.
  const body = cleanScrape(article.text.slice(0, MAX_TEXT).normalize('NFC'));
  const title = cleanScrape((article.title ?? '').normalize('NFC')).replace(/\n+/g, ' ');
  const detected = detectLanguage(`${title}\n${body}`);
  const language = detected === 'other' && (article.lang === 'fr' || article.lang === 'en') && body.length < 200 ? article.lang : detected;
  if (language === 'other') return { relevant: false, language, events: [] };
  const published = /^\d{4}-\d{2}-\d{2}$/.test(article.published ?? '') ? article.published : null;
  const { relevant, events } = assembleEvents({ title, body, published, language }, gazetteer);
  return { relevant, language, events: events.map((e) => e.event) };
}
