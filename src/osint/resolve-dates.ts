/**
 * Dates mentioned in an article, resolved against its publication day. chrono-node reads the
 * common forms; the forms the press uses and chrono misses are read here: "en septembre 2024",
 * "fin janvier" (month precision), "les 3 et 4 septembre" (a span: month precision; three days,
 * "du 17 au 19 août", give their first), "dans la nuit de samedi à dimanche" (the Sunday),
 * "la veille"/"le lendemain" of the date before.
 * An event reported in an article happened no later than its publication: a date that would fall
 * after it is moved back a week or a year when the text left that open, or dropped.
 */
// Only the two locales we read: the package's root module loads sixteen and costs a third of a second.
import * as chronoEn from 'chrono-node/en';
import * as chronoFr from 'chrono-node/fr';
import type { DatePrecision } from './article.js';
import { DAY_MS } from '../kernel/durations.js';
import { MONTH_PATTERN, MONTHS, WEEKDAY_PATTERN, WEEKDAYS } from './calendar-words.js';

export interface DateMention {
  /** Character offsets of the mention in the text. */
  index: number;
  end: number;
  text: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, following the precision. */
  date: string;
  precision: DatePrecision;
}

interface Day {
  y: number;
  m: number;
  d: number;
}

const MONTH = `(${MONTH_PATTERN})`;
const WEEKDAY = `(${WEEKDAY_PATTERN})`;
// A weekday just after a word of the day before or of the night (« hier lundi », "overnight on
// Monday"): the weekday dates it.
const WEEKDAY_NEXT = new RegExp(`^,?\\s+${WEEKDAY}\\b`, 'iu');
const WEEKDAY_AFTER_NIGHT = new RegExp(`^,?\\s+(?:on\\s+|de\\s+|du\\s+)?${WEEKDAY}\\b`, 'iu');

// Numbers written out in « il y a trois jours ».
const COUNT: Record<string, number> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10 };

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const monthOf = (word: string) => MONTHS[fold(word)] ?? 0;
const pad = (n: number) => String(n).padStart(2, '0');
const toUtc = (day: Day) => Date.UTC(day.y, day.m - 1, day.d);
const fromUtc = (ms: number): Day => {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
};

function format(day: Day, precision: DatePrecision): string {
  if (precision === 'year') return String(day.y);
  if (precision === 'month') return `${day.y}-${pad(day.m)}`;
  return `${day.y}-${pad(day.m)}-${pad(day.d)}`;
}

/** The last given weekday on or before `reference`. */
function weekdayOnOrBefore(weekday: number, reference: Day): Day {
  const ms = toUtc(reference);
  const back = (new Date(ms).getUTCDay() - weekday + 7) % 7;
  return fromUtc(ms - back * DAY_MS);
}

/** The Sunday of the last weekend on or before `reference`; the Saturday when `reference` is one. */
function weekendBefore(reference: Day): Day {
  return new Date(toUtc(reference)).getUTCDay() === 6 ? reference : weekdayOnOrBefore(0, reference);
}

/** The year that puts day/month on or before the reference. */
function yearOnOrBefore(m: number, d: number, reference: Day): number {
  return m < reference.m || (m === reference.m && d <= reference.d) ? reference.y : reference.y - 1;
}

export function parseIsoDay(value: string | null | undefined): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** A span « du 17 au 19 »: dated by its first day, where longer or shorter spans give their month. */
const threeDays = (first: number, last: number) => last - first === 2;

interface Raw {
  index: number;
  end: number;
  day: Day;
  precision: DatePrecision;
  yearKnown: boolean;
  weekdayOnly: boolean;
  relative?: -1 | 1;
  /** A night, dated by its second day: « le lendemain matin » is that same day's morning. */
  night?: boolean;
  /** « le lendemain matin », "the next morning": the morning after the date before. */
  morning?: boolean;
}

function ourForms(text: string, reference: Day | null): Raw[] {
  const found: Raw[] = [];
  const add = (match: RegExpExecArray, raw: Omit<Raw, 'index' | 'end'>) => found.push({ index: match.index, end: match.index + match[0].length, ...raw });
  // A night dated by its second day: its month and day as written, its year written or the last
  // one before the reference day.
  const addNight = (match: RegExpExecArray, month: string, day: string, year: string | undefined) => {
    const m = monthOf(month);
    const d = Number(day);
    const y = year ? Number(year) : reference ? yearOnOrBefore(m, d, reference) : NaN;
    if (Number.isFinite(y)) add(match, { day: { y, m, d }, precision: 'day', yearKnown: Boolean(year), weekdayOnly: false, night: true });
  };
  let match: RegExpExecArray | null;

  // Night spanning two days is dated by its second day.
  // « nuit du lundi 13 au mardi 14 septembre », « nuit de mardi à mercredi 10 juin 2015 ».
  const nightDays = new RegExp(`nuit (?:du|de) (?:${WEEKDAY} )?(?:(\\d{1,2})(?:er)? )?(?:au|à) (?:${WEEKDAY} )?(\\d{1,2}) ${MONTH}(?: (\\d{4}))?`, 'giu');
  while ((match = nightDays.exec(text))) addNight(match, match[5]!, match[4]!, match[6]);
  const nightWeekdays = new RegExp(
    `nuit (?:du|de) ${WEEKDAY} (?:au|à) ${WEEKDAY}\\b|${WEEKDAY} night (?:to|into) ${WEEKDAY}\\b|(?:night (?:of|from|between)|overnight(?: from| between)?) ${WEEKDAY} (?:to|into|and) ${WEEKDAY}\\b`,
    'giu',
  );
  while ((match = nightWeekdays.exec(text))) {
    const second = match[2] ?? match[4] ?? match[6];
    if (!second || !reference) continue;
    add(match, { day: weekdayOnOrBefore(WEEKDAYS[fold(second)]!, reference), precision: 'day', yearKnown: false, weekdayOnly: true, night: true });
  }
  // "on the night of June 11-12", "night of 11 to 12 June", "overnight from Monday 4 to Tuesday 5
  // October": the night belongs to its second day.
  const nightDaysEnglish = new RegExp(
    `(?:night (?:of|from|between)|overnight(?: from| between| of)?) (?:the )?(?:${MONTH} (\\d{1,2}) ?(?:-|–|to|and) ?(\\d{1,2})|(?:${WEEKDAY},? )?(?:(\\d{1,2})(?:st|nd|rd|th)? ?)?(?:-|–|to|and|into) ?(?:${WEEKDAY},? )?(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH})(?:,? (\\d{4}))?`,
    'giu',
  );
  while ((match = nightDaysEnglish.exec(text))) addNight(match, (match[1] ?? match[8])!, (match[3] ?? match[7])!, match[9]);
  // The same night with the month before each day: "overnight from Wednesday, September 23, to
  // Thursday, September 24, 2020".
  const nightMonthFirst = new RegExp(
    `(?:night (?:of|from|between)|overnight(?: from| between| of)?) (?:${WEEKDAY},? )?${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? (?:-|–|to|and|into) (?:${WEEKDAY},? )?(?:${MONTH} )?(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?`,
    'giu',
  );
  while ((match = nightMonthFirst.exec(text))) addNight(match, (match[4] ?? match[2])!, match[5]!, match[6]);
  // Spans of days within a month: the event is dated to the month, or to its first day when it
  // lasted three days (« du 17 au 19 août »), as a battle or an operation of a few days is, or
  // when the span names its days (« du samedi 5 au jeudi 10 août », "from Tuesday 20 to Friday
  // 23 August"): an operation told day by day is dated by the day it began.
  const span = new RegExp(
    `(?:les|entre le|du|between|from)? ?(?:${WEEKDAY},? )?(\\d{1,2})(?:er)? (?:et|au|-|–|and|to) (?:le )?(?:${WEEKDAY},? )?(\\d{1,2}) ${MONTH}(?: (\\d{4}))?`,
    'giu',
  );
  while ((match = span.exec(text))) {
    if (/nuit (?:du|de) $/i.test(text.slice(Math.max(0, match.index - 10), match.index))) continue;
    const m = monthOf(match[5]!);
    const d = Number(match[4]);
    const y = match[6] ? Number(match[6]) : reference ? yearOnOrBefore(m, d, reference) : NaN;
    if (!Number.isFinite(y)) continue;
    const first = Number(match[2]);
    if (threeDays(first, d) || (match[1] && match[3]))
      add(match, { day: { y, m, d: first }, precision: 'day', yearKnown: Boolean(match[6]), weekdayOnly: false });
    else add(match, { day: { y, m, d: 1 }, precision: 'month', yearKnown: Boolean(match[6]), weekdayOnly: false });
  }
  // Month without a day: "en septembre 2024", "fin janvier", "late January", "au mois d'août 2025".
  const monthOnly = new RegExp(
    `\\b(?:(fin|début|debut|mi|courant|late|early|mid|end of|beginning of)[- ](?:du mois d[e'’] ?|de |d[’'])?)?(?:(?:au |le )?mois d[e'’] ?)?${MONTH}(?:,? (\\d{4}))?\\b`,
    'giu',
  );
  while ((match = monthOnly.exec(text))) {
    const before = text.slice(Math.max(0, match.index - 4), match.index);
    if (/\d\s*(?:er)?\s*$/.test(before)) continue; // "14 septembre" is chrono's
    if (/^\s*\d{1,2}\b(?!\d)/.test(text.slice(match.index + match[0].length))) continue; // "January 3"
    const m = monthOf(match[2]!);
    if (!match[1] && !match[3] && !/\b(en|in|au|depuis|since|d[eè]s|during|courant)\s*$/i.test(text.slice(Math.max(0, match.index - 12), match.index))) {
      if (!/mois/i.test(match[0])) continue; // a bare month name ("Mars" is also a planet and a name)
    }
    const y = match[3] ? Number(match[3]) : reference ? (m <= reference.m ? reference.y : reference.y - 1) : NaN;
    if (Number.isFinite(y)) add(match, { day: { y, m, d: 1 }, precision: 'month', yearKnown: Boolean(match[3]), weekdayOnly: false });
  }
  // A year alone: "en 2012", "in 2021", "depuis 2019".
  const yearOnly = /\b(?:en|in|depuis|since|d[eè]s|during|of|de) ((?:19|20)\d{2})\b/giu;
  while ((match = yearOnly.exec(text))) {
    const start = match.index + match[0].length - 4;
    add({ ...match, index: start, 0: match[1]! } as RegExpExecArray, {
      day: { y: Number(match[1]), m: 1, d: 1 },
      precision: 'year',
      yearKnown: true,
      weekdayOnly: false,
    });
  }
  // Relative to the publication day: "avant-hier", "ce matin", "cette nuit", "this morning",
  // "overnight" (a night ending on the day of the report), "le 3 courant" (this month).
  if (reference) {
    const today = /\b(avant[- ]hier|ce matin|cette nuit|ce soir|this morning|this evening|overnight|earlier today|(?:le )?(\d{1,2})(?:er)? courant)\b/giu;
    while ((match = today.exec(text))) {
      const word = fold(match[1]!);
      // "overnight on Monday", « cette nuit de lundi »: the weekday after it dates the night.
      if (
        (word === 'overnight' || word === 'cette nuit') &&
        WEEKDAY_AFTER_NIGHT.test(text.slice(match.index + match[0].length, match.index + match[0].length + 16))
      )
        continue;
      let day = reference;
      if (word.startsWith('avant')) day = fromUtc(toUtc(reference) - 2 * DAY_MS);
      else if (match[2]) day = { ...reference, d: Number(match[2]) };
      add(match, { day, precision: 'day', yearKnown: true, weekdayOnly: false });
    }
    // « il y a trois jours », « il y a une semaine »: counted back from the report.
    const ago = new RegExp(`\\bil y a (${Object.keys(COUNT).join('|')}|\\d{1,2}) (jours?|semaines?)\\b`, 'giu');
    while ((match = ago.exec(text))) {
      const n = COUNT[fold(match[1]!)] ?? Number(match[1]);
      const days = n * (/^semaine/i.test(match[2]!) ? 7 : 1);
      add(match, { day: fromUtc(toUtc(reference) - days * DAY_MS), precision: 'day', yearKnown: true, weekdayOnly: false });
    }
    // « le week-end dernier », « ce week-end », "over the weekend", "weekend raids": the weekend
    // just before the report, dated by its Sunday as a night by its second day (by the Saturday
    // when the report is filed that Saturday).
    const weekend = /\b(?:(?:le|ce|du|durant le|pendant le) week-?end(?: dernier)?|(?:(?:over|at|during|on|this|last) the |this |last )?week-?end)\b/giu;
    while ((match = weekend.exec(text))) add(match, { day: weekendBefore(reference), precision: 'day', yearKnown: true, weekdayOnly: true });
    // "ces derniers jours", "in recent days": some day of the weeks before the report, dated to
    // its month.
    const recent = /\b(ces derniers jours|ces jours-ci|ces deux derniers jours|in recent days|over the past few days|in the past few days)\b/giu;
    while ((match = recent.exec(text))) add(match, { day: reference, precision: 'month', yearKnown: true, weekdayOnly: false });
  }
  // Relative to the date mentioned just before.
  // "la veille sécuritaire" (monitoring) is a noun, not the day before; « à la veille de
  // l'ouverture des concertations » is the eve of an undated event, not of the date before. « Au
  // lendemain de » dates what follows it: the day before the date just given (« ce vendredi, au
  // lendemain d'une journée de violences »).
  const relative = new RegExp(
    `\\b(la veille(?! (?:securitaire|sécuritaire|strat[ée]gique|m[ée]diatique|citoyenne|technologique|sanitaire))(?! (?:de |du |des |d['’])(?!\\d|${WEEKDAY}\\b))|au lendemain(?= (?:d[eu'’]|des\\b))|le lendemain(?: matin)?|the day before|the next (?:day|morning)|the following (?:day|morning))`,
    'giu',
  );
  while ((match = relative.exec(text))) {
    const back = /veille|before|^au /i.test(match[1]!);
    const morning = /matin|morning/i.test(match[1]!);
    add(match, { day: { y: 0, m: 0, d: 0 }, precision: 'day', yearKnown: true, weekdayOnly: false, relative: back ? -1 : 1, morning });
  }
  return found;
}

// Words without which chrono finds nothing in a sentence: most sentences of a report have none,
// and chrono's thirty parsers cost time in proportion to the text they read.
const DATE_CUE =
  /\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janv|f[ée]v|mars|avril|mai\b|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c|hier|aujourd|demain|veille|lendemain|semaine|mois|ann[ée]e|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|march|apr|may\b|june|july|aug|yesterday|today|tomorrow|tonight|week|month|year|ago|matin|soir|nuit|morning|evening|overnight|courant/i;

// Where a date starts inside a reading of chrono's: a weekday, a month or a day number.
const DATE_START = new RegExp(`\\b(?:${WEEKDAY}|${MONTH}|\\d{1,2}\\b)`, 'iu');

const LAST_WEEK = /^(?:la semaine (?:derni[eè]re|pass[ée]e)|last week)$/i;

type ChronoResult = ReturnType<typeof chronoFr.casual.parse>[number];

/** chrono's results over the sentences that may hold a date, with offsets into the whole text. */
function chronoResults(parser: typeof chronoFr.casual, text: string, ref: Date): { at: number; result: ChronoResult }[] {
  const results: { at: number; result: ChronoResult }[] = [];
  for (const chunk of text.matchAll(/[^.!?\n]+[.!?\n]*/g)) {
    if (!DATE_CUE.test(chunk[0])) continue;
    for (const result of parser.parse(chunk[0], ref, { forwardDate: false })) {
      const start = result.start;
      const certain = ['day', 'weekday', 'month', 'year'].some((c) => start.isCertain(c as 'day'));
      // "(in the) morning on Saturday 6 January": the time of day swallows the date; the date
      // alone is read again.
      const dateAt = certain ? -1 : result.text.slice(1).search(DATE_START);
      if (dateAt >= 0) {
        const from = result.index + 1 + dateAt;
        for (const again of parser.parse(chunk[0].slice(from, result.index + result.text.length), ref, { forwardDate: false }))
          results.push({ at: chunk.index + from + again.index, result: again });
      } else results.push({ at: chunk.index + result.index, result });
    }
  }
  return results;
}

const TIME_OF_DAY =
  /^\W*(?:(?:de|a|à|vers|des|dès|at|around|about|from|by)\s+)?\d{1,2}(?:\s?(?:h|heures?|hours?|am|pm|a\.m\.|p\.m\.)(?:\s?\d{2})?|:\d{2}(?:\s?(?:am|pm))?)\W*$/i;

const DAY_SLASH_MONTH = /^\d{1,2}\/\d{1,2}$/;
const DATE_LEAD = /\b(?:le|du|au|depuis|on|of|since|from|to)\s+$/i;

function chronoForms(text: string, reference: Day | null, language: 'fr' | 'en'): Raw[] {
  const parser = language === 'fr' ? chronoFr.casual : chronoEn.casual;
  const ref = reference ? new Date(reference.y, reference.m - 1, reference.d, 12) : new Date(2000, 0, 1, 12);
  const found: Raw[] = [];
  for (const { at, result } of chronoResults(parser, text, ref)) {
    const start = result.start;
    if (/^(la veille|le lendemain|au lendemain)/i.test(result.text)) continue;
    // « hier lundi », "yesterday, Thursday": the weekday names the day, which a page with no day
    // of its own cannot count back to.
    if (/^(hier|yesterday)$/i.test(result.text.trim()) && WEEKDAY_NEXT.test(text.slice(at + result.text.length, at + result.text.length + 14))) continue;
    // « Journal de 7 heures », "at 5 pm": a time of day alone, which chrono may take for a whole
    // date of its reference day, dates nothing.
    if (TIME_OF_DAY.test(result.text)) continue;
    // "THREAD 1/3", « 🧵 2/5 »: a post's numbering, which chrono reads as a day and month. A day
    // and month written with a slash and no year date something only after « le », "on" and the like.
    if (DAY_SLASH_MONTH.test(result.text.trim()) && !DATE_LEAD.test(text.slice(Math.max(0, at - 12), at))) continue;
    // « mardi prochain », "next Tuesday": what is planned has not happened.
    if (
      /\b(prochaine?s?|next|coming)\b/i.test(result.text) ||
      /^\s*(prochaine?s?|à venir)\b/i.test(text.slice(at + result.text.length, at + result.text.length + 12))
    )
      continue;
    // "a few days before the summit", "trois semaines avant le ramadan": counted from another
    // event than the publication.
    if (/\b(before|after|avant|apr[eè]s)$/i.test(result.text.trim())) continue;
    // A reading that stops inside a word is not a date: "dans un h[ôtel]" is not "in an hour".
    if (/^[\p{L}\d]/u.test(text.slice(at + result.text.length, at + result.text.length + 1)) && /[\p{L}\d]$/u.test(result.text)) continue;
    const dayKnown = start.isCertain('day');
    const weekdayKnown = start.isCertain('weekday');
    const monthKnown = start.isCertain('month');
    const yearKnown = start.isCertain('year');
    if (!dayKnown && !weekdayKnown && !monthKnown && !yearKnown) continue;
    // Words such as "hier"/"yesterday" carry a certain day (chrono says its year is certain too)
    // but need a real reference: without one, only a date that writes its year counts.
    if (!reference && !(yearKnown && /\d{4}/.test(result.text))) continue;
    let day: Day = { y: start.get('year') ?? 0, m: start.get('month') ?? 1, d: start.get('day') ?? 1 };
    let precision: DatePrecision = dayKnown || weekdayKnown ? 'day' : monthKnown ? 'month' : 'year';
    // "dans la nuit du lundi 13 au mardi 14": chrono reads a range; the night belongs to its end.
    const night = Boolean(result.end && /nuit|night/i.test(text.slice(Math.max(0, at - 24), at + 4)));
    if (night && result.end) {
      const end = result.end;
      day = { y: end.get('year') ?? day.y, m: end.get('month') ?? day.m, d: end.get('day') ?? day.d };
    } else if (result.end && precision === 'day' && !threeDays(day.d, result.end.get('day') ?? 0)) {
      precision = 'month';
    }
    // « la semaine dernière », "last week": some day of the week before, not the day a week back.
    if (LAST_WEEK.test(result.text)) precision = 'month';
    found.push({
      index: at,
      end: at + result.text.length,
      day,
      precision,
      yearKnown,
      weekdayOnly: weekdayKnown && !dayKnown,
      night,
    });
  }
  return found;
}

/** Moves a date that would fall after publication back to where the text leaves it open. */
function notAfter(raw: Raw, reference: Day | null): Raw | null {
  if (!reference) return raw;
  const limit = toUtc(reference);
  let day = raw.day;
  if (raw.precision === 'day' && toUtc(day) > limit) {
    if (raw.weekdayOnly) day = fromUtc(toUtc(day) - 7 * DAY_MS);
    else if (!raw.yearKnown) day = { ...day, y: day.y - 1 };
  }
  if (raw.precision === 'month' && (day.y > reference.y || (day.y === reference.y && day.m > reference.m)) && !raw.yearKnown) {
    day = { ...day, y: day.y - 1 };
  }
  const first = raw.precision === 'day' ? toUtc(day) : raw.precision === 'month' ? Date.UTC(day.y, day.m - 1, 1) : Date.UTC(day.y, 0, 1);
  if (first > limit) return null;
  return { ...raw, day };
}

/**
 * Every date of `text`, in text order, none after `published` (`YYYY-MM-DD`). Without a
 * publication day, the latest fully written date of the text serves as the reference.
 */
export function resolveDates(text: string, published: string | null, language: 'fr' | 'en'): DateMention[] {
  let reference = parseIsoDay(published);
  if (!reference) {
    const written = chronoForms(text, null, language).filter((raw) => raw.yearKnown && raw.precision === 'day');
    const latest = written.map((raw) => toUtc(raw.day)).sort((a, b) => b - a)[0];
    reference = latest === undefined ? null : fromUtc(latest);
  }
  const ours = ourForms(text, reference);
  const theirs = chronoForms(text, reference, language).filter(
    (raw) => !ours.some((own) => own.index < raw.end && raw.index < own.end && own.precision !== 'year'),
  );
  // At one place, the longer reading first ("overnight Sunday to Monday" before "overnight").
  const all = [...ours.filter((own) => !(own.precision === 'year' && theirs.some((raw) => raw.index <= own.index && own.end <= raw.end))), ...theirs].sort(
    (a, b) => a.index - b.index || b.end - a.end,
  );
  const mentions: DateMention[] = [];
  let previous: Raw | null = null;
  for (const candidate of all) {
    let raw: Raw | null = candidate;
    if (raw.relative) {
      if (previous?.precision !== 'day') continue;
      // The morning after a night is the night's own second day, the one the night is dated by.
      const shift = raw.morning && previous.night ? 0 : raw.relative;
      raw = { ...raw, day: fromUtc(toUtc(previous.day) + shift * DAY_MS), yearKnown: true };
    }
    raw = notAfter(raw, reference);
    if (!raw || !Number.isFinite(raw.day.y) || raw.day.y < 1900) continue;
    // Overlapping forms (ours inside chrono's or the reverse) keep the first, longer reading.
    const last = mentions[mentions.length - 1];
    if (last && raw.index < last.end) continue;
    mentions.push({ index: raw.index, end: raw.end, text: text.slice(raw.index, raw.end), date: format(raw.day, raw.precision), precision: raw.precision });
    previous = raw;
  }
  return mentions;
}
