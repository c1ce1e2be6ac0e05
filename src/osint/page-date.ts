/**
 * The day a page says it was made, when the feed's day is later: a broadcast's header
 * (« [Transcription – Journal de 20h, lundi 20 février 2023] ») or a post's byline line
 * (« Page Facebook « … » · 7 septembre 2023 »). A transcript or a post is often put online a day
 * or two after it was spoken or written; its « ce matin », « hier » and weekdays count from the
 * day it gives, not from the day the feed saw it.
 */
import { DAY_MS } from '../kernel/durations.js';
import { parseIsoDay, resolveDates } from './resolve-dates.js';

/** How far before the feed's day a page's own day is believed: further, the line dates something else. */
const MOST_DAYS_BEFORE = 7;
/** Only the first lines of a page carry its header. */
const HEADER_LINES = 6;
// A header between brackets, or a byline whose parts are joined by a middle dot or a bar.
const HEADER = /^\[[^\]]*\]$|\s[·|]\s/;

const dayMs = (iso: string) => {
  const day = parseIsoDay(iso)!;
  return Date.UTC(day.y, day.m - 1, day.d);
};

/** The page's own day (`YYYY-MM-DD`) when a header line gives one up to a week before `published`; else `published`. */
export function pageDay(body: string, published: string | null, language: 'fr' | 'en'): string | null {
  if (published === null) return null;
  for (const raw of body.split('\n').slice(0, HEADER_LINES)) {
    const line = raw.trim();
    if (!HEADER.test(line)) continue;
    const day = resolveDates(line, null, language).find((d) => d.precision === 'day' && /\d{4}/.test(d.text));
    if (!day) continue;
    const before = (dayMs(published) - dayMs(day.date)) / DAY_MS;
    if (before > 0 && before <= MOST_DAYS_BEFORE) return day.date;
  }
  return published;
}

// A line that says when the page was put online: « Publié le 14 mars 2025 », "Posted on …".
const STATED = /^(?:publié|mis à jour|posted|published|updated)(?!\p{L})/iu;

/**
 * The day a page without a feed day states on one of its first lines (« Publié le samedi 14
 * février 2026 | Le Soir de Bamako », a broadcast's header, a post's byline), if any.
 */
export function statedDay(text: string, language: 'fr' | 'en'): string | null {
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n').slice(0, 12)) {
    const line = raw.trim();
    if (line.length > 120 || !(STATED.test(line) || HEADER.test(line))) continue;
    const day = resolveDates(line, null, language).find((d) => d.precision === 'day' && /\d{4}/.test(d.text));
    if (day) return day.date;
  }
  return null;
}

// A month between brackets on a kicker or a sign-off line: « ÉDITORIAL — Le Calame (mars 2023) »,
// « Moulaye Sayah — AMAP Timbuktu (May 2017) ».
const MONTH_MARK = /\((\p{L}+)\.? ((?:19|20)\d{2})\)\s*$/u;
// A month closing a menu or a byline after a dash or a dot: « Société | Faits divers — septembre
// 2024 », "Security Watch @SnSecurityWatch · May 2025".
const MONTH_AFTER_RULE = /\s[—–·|-]\s+(\p{L}+)\.? ((?:19|20)\d{2})\s*$/u;
// « Ziguinchor, mars 2018. »: where and when a communiqué was issued.
const SIGN_OFF = /^\p{Lu}[\p{L}' -]{1,30}, (\p{L}+) ((?:19|20)\d{2})\.?$/u;
/** How many lines at each end of a page may carry its kicker or its sign-off. */
const EDGE_LINES = 3;

/**
 * The month (`YYYY-MM`) a page without a day gives itself on its first or last lines, if any: an
 * event it tells without a date of its own happened that month. `page` is the page as scraped,
 * whose menu lines the cleaned `body` has lost.
 */
export function pageMonth(body: string, language: 'fr' | 'en', page: string = body): string | null {
  const linesOf = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  const lines = linesOf(body);
  const edges = [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
  // A communiqué's place and month of issue may stand on a line of their own anywhere.
  const marks = [
    ...edges.map((line) => MONTH_MARK.exec(line)),
    // The menu a cleaned body no longer holds: the page as scraped.
    ...linesOf(page.slice(0, 2000))
      .slice(0, EDGE_LINES)
      .map((line) => MONTH_AFTER_RULE.exec(line)),
    ...lines.map((line) => SIGN_OFF.exec(line)),
  ];
  for (const mark of marks) {
    if (!mark) continue;
    const month = resolveDates(`${language === 'fr' ? 'en' : 'in'} ${mark[1]} ${mark[2]}`, null, language).find((d) => d.precision === 'month');
    if (month) return month.date;
  }
  return null;
}

/**
 * The latest day `text` writes in full, with its year (« vendredi 23 décembre 2022 », "24 May
 * 2018"), not after `readOn` (`YYYY-MM-DD`): a page reporting it was put online no earlier.
 */
export function latestWrittenDay(text: string, readOn: string, language: 'fr' | 'en'): string | null {
  // ISO days sort as text.
  const days = resolveDates(text, readOn, language)
    .filter((d) => d.precision === 'day' && /\d{4}/.test(d.text))
    .map((d) => d.date)
    .sort();
  return days.at(-1) ?? null;
}
