/**
 * When an event happened, from the dates its sentence gives: a date that only says when
 * something was said, learnt, published or found is set aside (« a-t-on appris mardi », « in a
 * statement on Thursday », « On Sunday, bloggers reported », « bodies were found on Friday »), and
 * so are the lines that only date the page (« Publié le … », a broadcast's header « [Transcription
 * – Journal de 20h, lundi 20 février 2023] ») and datelines. Of the dates left, the most precise
 * wins, then the nearest to the trigger. Dates are resolved beforehand (resolve-dates.ts).
 */
import type { DatePrecision } from './article.js';
import { foldSentence } from './classify-event.js';
import { within } from './event-place.js';
import type { DateMention } from './resolve-dates.js';
import type { Sentence } from './split-sentences.js';
import { TOOK_PLACE } from './stated-place.js';
import { WEEKDAYS } from './calendar-words.js';

// A date right after these words is when something was said, learnt, found or mourned, not when it
// happened; what is said (« said the ambush on May 14 », « a indiqué que ») may hold the event's.
const SAYING = /^(?:said|told|(?:a|ont|avait|avaient) (?:declare|indique|affirme|precise))$/;
const CLAUSE = /^ (?:that|que|qu')/;
const ARTICLE = /^ (?:the|le|la|les|l'|un|une|a|an)\b/;
const REPORTING =
  /\b((?:a|ont|avait|avaient) (?:declare|annonce|indique|affirme|precise|rapporte|confirme|reconnu|appris)|a-t-on appris|a appris|publie\w*|rendue?s? publique?s?|revendique\w*|a condamne|conference de presse|point de presse|said|announced|told|reported|stated|admitted|acknowledged|learned|learnt|in a statement|(?:gave|different|conflicting|contradictory) accounts|versions? (?:differentes|contradictoires)|press conference|confirmed|selon un communique|dans un communique|deuil|mourning|funerailles|funerals?|obseques|inhume\w*|buried|hommage|tribute)\b([^.]{0,30})$/i;
// « les corps … ont été retrouvés vendredi », "bodies were found on Friday": the finding's day, not
// the killing's. What else is found (drugs in a truck, a cache of arms) is found on the event's day.
const BODIES_FOUND =
  /\b(?:corps|cadavres?|depouilles?|restes|bodies|body|corpses?|remains)\b[^.]{0,50}\b(?:(?:were|was|been) (?:found|discovered)|(?:ont ete|a ete|sont|est|ont|a) (?:retrouve|decouvert)\w*)\b[^.]{0,30}$/;
// "On Sunday, Russian military bloggers reported …": the date is the report's, told before it.
const REPORTING_AFTER =
  /^,? (?:[a-z'-]+ ){1,5}(?:reported|said|announced|claimed|stated|admitted|a (?:annonce|indique|declare|affirme|rapporte)|ont (?:annonce|indique|declare|affirme|rapporte))\b/;
// « Kayes, le », "NOUADHIBOU, Mauritania,": the town, and the country wire copy adds to it.
const DATELINE_BEFORE = /^[\p{L}' .-]{2,40}(?:, [\p{L}' .-]{2,30})?, (?:le )?$/u;
// The date of a text in force or issued, « le décret 2024-1502 du 31 juillet 2024 », "a decree of
// 3 May": when it was signed, not an event's day.
const DOCUMENT_BEFORE =
  /\b(?:decrets?|lois?|arretes?|ordonnances?|circulaires?|communiques?|resolutions?|decrees?|laws?|orders?|statements?)(?: (?:n|no|numero|number))?(?: [\d][\w/.-]*)? (?:du|en date du|dated|of) $/;
// Words that open a line dating the page rather than telling of an event.
const PAGE_DATE = /^(publi|mis a jour|mise a jour|posted|updated|par |by )/i;
// A broadcast's or page's header between brackets: « [Transcription – Journal de 20h, lundi 20 février 2023] ».
const BRACKETED_HEADER = /^\[[^\]]*\]$/;
// The pluperfect tells what had happened before the story's event: its background.
// An earlier event recalled to set the story in its series: « après l'embuscade du 2 juillet »,
// « an earlier sweep », « une opération similaire », « au lendemain d'une autre incursion »,
// "hit with the same tactics".
const EARLIER_EVENT =
  /\b(d'une autre (?:attaque|incursion|embuscade)|the same tactics|an earlier|a previous|the previous|in a similar|une precedente|un precedent|une operation similaire|une attaque similaire|il s'agit de la \w+(?:ieme|ere) |apres (?:l'attaque|l'embuscade|l'assaut|celle|celui) d[ue']|after the (?:[\w-]+ ){0,3}(?:attack|ambush|assault|raid)\b)/;
const PLUPERFECT =
  /\b(?:avai(?:t|ent)|had) (?:ete |been |deja |already )?(?!(?:une?|des|les|la|le|the|a|an|pas|plus|jamais|no|not|to)\b)[a-z]+(?:e|es|ee|ees|i|is|ie|u|us|ue|t|ts|ed|en|wn)\b/;

// Words that introduce another event than the story's own.
const SECONDARY =
  /\b(separately|in a separate|a separate|in another (?:attack|incident)|elsewhere|par ailleurs|d'autre part|dans une autre attaque|lors d'une autre attaque|ailleurs dans|^(?:\W*)(?:le meme jour|ce meme jour|(?:on )?the same day))\b/;

const PRECISION_ORDER: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

/** A line that only gives a date ("Dimanche 9 Mars 2025", "12 Décembre 2024 | RFI", "Publié le …", a bracketed header): when the page was published. */
export function isDateLine(sentence: Sentence, dates: readonly DateMention[]): boolean {
  const folded = foldSentence(sentence.text);
  // Short: « Updated toll from Monday's attack on the post at … » tells the story.
  if (PAGE_DATE.test(folded) && sentence.text.length <= 100) return true;
  if (dates.length > 0 && BRACKETED_HEADER.test(sentence.text.trim())) return true;
  // « The arrest took place on 24 October 2025. »: short, but it tells when the event was.
  if (TOOK_PLACE.test(folded)) return false;
  // « Oui, c'était ce mardi 18 juin. », the answer of a reporter on air: the day of what he tells.
  if (/\b(?:c'etait|it was|that was)\b/.test(folded)) return false;
  let rest = sentence.text;
  for (const d of dates) rest = rest.replace(d.text, ' ');
  return rest !== sentence.text && (rest.match(/\p{L}{2,}/gu)?.length ?? 0) <= 4;
}

/**
 * Whether a date mention of `folded` only says when something was reported, learnt or found. A
 * date opening its sentence belongs to the report that follows it (« On Sunday, bloggers
 * reported »); elsewhere, « … on Saturday, military sources said » dates the event.
 */
export function isReportingDate(d: DateMention, folded: string, sentenceStart: number): boolean {
  if (BODIES_FOUND.test(folded.slice(Math.max(sentenceStart, d.index - 100), d.index))) return true;
  const reporting = REPORTING.exec(folded.slice(Math.max(0, d.index - 60), d.index));
  if (reporting) {
    const [, verb, gap] = reporting as unknown as [string, string, string];
    const toldInside = CLAUSE.test(gap) || (SAYING.test(verb) && ARTICLE.test(gap));
    if (!toldInside) return true;
  }
  const opens = /^\W*$/.test(folded.slice(sentenceStart, d.index));
  return opens && REPORTING_AFTER.test(folded.slice(d.end, d.end + 60));
}

/** The dates of a sentence that may be its event's: day before month before year, nearest the trigger first. */
export function eventDates(dates: readonly DateMention[], sentence: Sentence, folded: string, triggerAt = sentence.index): DateMention[] {
  const here = within(dates, sentence);
  if (isDateLine(sentence, here)) return [];
  return (
    here
      .filter((d) => !isReportingDate(d, folded, sentence.index))
      .filter((d) => !DOCUMENT_BEFORE.test(folded.slice(Math.max(sentence.index, d.index - 60), d.index)))
      // "Kayes, le 14 mars 2025 – …": the dateline tells when the story was filed.
      .filter((d) => !(DATELINE_BEFORE.test(folded.slice(sentence.index, d.index)) && /^\s*[-–—(]/.test(folded.slice(d.end, d.end + 4))))
      .sort((a, b) => PRECISION_ORDER[a.precision] - PRECISION_ORDER[b.precision] || Math.abs(a.index - triggerAt) - Math.abs(b.index - triggerAt))
  );
}

// The aftermath of an attack told later: the bodies of those it killed brought home, a wounded
// man dying of his wounds. Its day is not the attack's.
const AFTERMATH =
  /\b((?:corps|depouilles|restes|bodies|remains) (?:de |des |du |d'|of )(?:[\w'-]+ ){0,4}(?:tues|tuees|killed|victimes|victims)|(?:blesses?|victimes?) de l'(?:attaque|embuscade|assaut)[^.]{0,60}(?:est|sont) (?:decedee?s?|morte?s?)|succombe\w* a (?:ses|leurs) blessures|died (?:of|from) (?:his|her|their) (?:wounds|injuries))/;

/** Whether a (folded) sentence tells what had happened before the story's event: the pluperfect, an earlier event recalled, or its aftermath. */
export function toldAsBackground(foldedSentence: string): boolean {
  return PLUPERFECT.test(foldedSentence) || EARLIER_EVENT.test(foldedSentence) || AFTERMATH.test(foldedSentence);
}

/** Whether a (folded) sentence tells another event than the story's own (« Separately, … », « Par ailleurs, … »). */
export function toldAsSecondary(foldedSentence: string): boolean {
  return SECONDARY.test(foldedSentence);
}

// A state « depuis juillet », "since January" began then: it dates no event told after it.
const SINCE = /\b(?:depuis|since|des)(?: le| la| l'| the)? $/;

/**
 * The day a story told over a few sentences opened with, read in one of its earlier sentences:
 * not the day a state began, nor, in a sentence telling no event, the day of the report itself
 * ("No casualty figures were available on Tuesday"): that is when the reporter wrote.
 */
export function storyOpeningDate(
  dates: readonly DateMention[],
  sentence: Sentence,
  folded: string,
  reportDay: string | null,
  tellsEvent: boolean,
): DateMention | undefined {
  return eventDates(dates, sentence, folded).find(
    (d) => d.precision !== 'year' && !SINCE.test(folded.slice(Math.max(0, d.index - 12), d.index)) && (tellsEvent || d.date !== reportDay),
  );
}

// A weekday or « hier » that no publication day anchors.
const WEEKDAY_OR_YESTERDAY = new RegExp(`\\b(?:${Object.keys(WEEKDAYS).join('|')}|hier|yesterday)\\b`);

/** Whether a (folded) sentence tells its event on a weekday or « hier »: the news of the days before the page, though the page gives no day to count from. */
export function toldOnAWeekday(foldedSentence: string): boolean {
  return WEEKDAY_OR_YESTERDAY.test(foldedSentence);
}
