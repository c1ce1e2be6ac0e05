/**
 * Event assembly: each trigger sentence with the date, place, actors and figures that belong to
 * it (its own first, then its paragraph, then the headline and lead), a salience score to put the
 * main event first, and the relevance decision: the article reports at least one concrete,
 * recent, located security event. The statistical layer (model/) weighs in where the rules are
 * unsure: relevance, the kind of the main event, and its place.
 */
import { foldName, type Gazetteer } from '../geo/gazetteer.js';
import type { ExtractedEvent } from './article.js';
import { classifySentence, type Trigger } from './classify-event.js';
import { byStoryVictims } from './story-victims.js';
import { documentFeatures } from './model/features.js';
import { kindLabel, type NewsModel } from './model/news-model.js';
import { placeCandidates, type PlaceCandidate } from './model/place-ranker.js';
import { foldText } from './fold-text.js';
import { actorNames, findActors } from './find-actors.js';
import { countryContext, findPlaces, type PlaceMention } from './find-places.js';
import { eventDates, storyOpeningDate, toldAsBackground, toldAsSecondary, toldOnAWeekday } from './event-date.js';
import { closePlaces, samePlace, samePlaceName } from './event-places-alike.js';
import { isCommentary } from './genre.js';
import { leadSentences } from './lead-sentences.js';
import { mishapOfHeadline, withoutMishap } from './mishap.js';
import { unnamedTargetAttack } from './unnamed-target-attack.js';
import { byPatrolCatch } from './patrol-catch.js';
import { liesIn, mayOutweighOwnPlace, placeWeight, rankerMayReplace, sentenceDivision, sentencePlace, sentenceRegion, within } from './event-place.js';
import { resolveDates, type DateMention } from './resolve-dates.js';
import { daysSinceEvent } from './days-since-event.js';
import { splitSentences, type Sentence } from './split-sentences.js';
import { dateStatedNear } from './stated-date.js';
import { placeStatedAfter } from './stated-place.js';
import {
  ATTRIBUTED,
  FLED_FROM,
  HYPOTHETICAL,
  OTHER_GENRE_TITLE,
  OTHER_GENRES,
  RETROSPECTIVE,
  STATEMENT,
  VERDICT_TITLE,
  headlineLooksBack,
} from './non-event-cues.js';
import { byStoryMeans } from './story-means.js';
import { tollOfEvent } from './toll-of-event.js';
export interface AssemblyInput {
  title: string;
  body: string;
  published: string | null;
  language: 'fr' | 'en';
}

export interface AssembledEvent {
  event: ExtractedEvent;
  salience: number;
  /** Trigger, place and a date of its own text: what relevance requires. */
  concrete: boolean;
  /** Its place is named in a sentence telling the event itself: the rules are sure of it (see rankerMayReplace). */
  ownPlace?: boolean;
  /** The mention the event's place was read from. */
  place?: PlaceMention;
}

/** How much the model's belief in a sentence's kind of event adds to its salience. */
const KIND_WEIGHT = 8;
/** The model's probability of relevance needed when the rules found a concrete event, and when they did not. */
const RELEVANT_WITH_RULES = 0.3;
const RELEVANT_WITHOUT_RULES = 0.75;
const RELEVANT_OTHER_GENRE = 0.8;
/** How many sentences after a month-dated event may give the day it began. */
const STORY_SENTENCES_AFTER = 2;
const BEGAN = /\b(?:began|started|begun|was launched|opened|a (?:commence|debute)|ont (?:commence|debute)|a ete lancee?|(?:a |ont )?demarre)\b[^.]{0,25}$/;
/** How many sentences back an undated sentence looks for the day its story opened with. */
const STORY_SENTENCES_BEFORE = 3;
/** The place ranker's probability above which its place replaces the one the sentence rules chose. */
const PLACE_SURE = 0.5;

/** What the assembly reads of an article before looking for events. */
function readArticle(input: AssemblyInput, gazetteer: Gazetteer) {
  const title = input.title.trim();
  const text = title.length > 0 ? `${title}\n\n${input.body}` : input.body;
  const titleEnd = title.length;
  // Same offsets as `text`, lower case without accents: what the patterns below read.
  const folded = foldText(text);
  const sentences = splitSentences(text);
  const actors = findActors(text);
  // Words inside an actor's name ("Jama'at Nusrat al-Islam") are not places.
  const places = findPlaces(text, gazetteer).filter((p) => !actors.some((a) => p.index >= a.index && p.index < a.end));
  const countries = countryContext(text);
  // The country the text is about: named, or else that of the places it names.
  const placeCountries = new Map<string, number>();
  for (const p of places) if (p.place) placeCountries.set(p.place.country, (placeCountries.get(p.place.country) ?? 0) + 1);
  const mainCountry = [...countries.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? [...placeCountries.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { title, text, titleEnd, folded, sentences, actors, places, mainCountry };
}

/**
 * The places an article names, described for the place ranker, with the place the rules choose
 * for its main event (with `model`'s relevance and kinds): what training reads.
 */
export function placeCandidatesOf(input: AssemblyInput, gazetteer: Gazetteer, model: NewsModel | null): PlaceCandidate[] {
  const { folded, sentences, titleEnd, places, mainCountry } = readArticle(input, gazetteer);
  const triggerWeights = new Map<number, number>();
  for (const sentence of sentences) {
    const top = classifySentence(sentence.text, input.language)[0];
    if (top) triggerWeights.set(sentence.index, top.weight);
  }
  const rulesOnly = model && { ...model, place: () => 0 };
  const first = assembleEvents(input, gazetteer, rulesOnly).events[0];
  const main = first?.event.location ?? null;
  const candidates = placeCandidates(places, { folded, sentences, titleEnd, triggerWeights, mainCountry }, main === null ? null : foldName(main));
  // The ranker learns only from the places it may choose.
  return candidates.filter((c) => rankerMayReplace(first, c.mentions, folded) && mayOutweighOwnPlace(first, c.features));
}

export function assembleEvents(input: AssemblyInput, gazetteer: Gazetteer, model: NewsModel | null = null): { relevant: boolean; events: AssembledEvent[] } {
  const { title, text, titleEnd, folded, sentences, actors, places, mainCountry } = readArticle(input, gazetteer);
  const dates = resolveDates(text, input.published, input.language);
  const genreWords = folded.match(OTHER_GENRES)?.length ?? 0;
  const lead = leadSentences(sentences, titleEnd);

  // The statistical layer weighs in where the rules are unsure: the kind it reads in the article
  // decides attacks whose sentence names no target, when no other sentence tells one with its
  // target; it raises the sentences telling of that kind, and its relevance overrules weak or
  // absent triggers.
  const features = model ? documentFeatures(title, input.body, input.language) : [];
  const kinds = model ? model.kinds(features) : new Map<string, number>();
  const probability = model ? model.relevance(features) : null;
  // Under a headline telling deaths of a mishap (a pit caving in, a shipwreck) or a flood, the story's
  // tolls (and the flood's damage) are no violence.
  const mishap = mishapOfHeadline(folded.slice(0, titleEnd));
  const classified = new Map(sentences.map((s) => [s, withoutMishap(classifySentence(s.text, input.language), mishap)]));
  const guessAttack = unnamedTargetAttack([...classified.values()].flat(), kinds);

  // `dateAssumed`: the publication day stands in for a date the text does not give.
  const found: (AssembledEvent & { fromTitle: boolean; dateAssumed: boolean; place?: PlaceMention })[] = [];
  // Each sentence's triggers, read once.
  const triggersOf = new Map(sentences.map((s) => [s, classified.get(s)!.map(guessAttack)]));
  const titleTriggers = sentences.filter((s) => s.end <= titleEnd).flatMap((s) => triggersOf.get(s)!);
  const triggerWeights = new Map<number, number>();
  const foldedSentences = sentences.map((s) => folded.slice(s.index, s.end));
  const orderOf = new Map(sentences.map((s, order) => [s, order]));
  const tollContext = { folded: foldedSentences, triggers: sentences.map((s) => triggersOf.get(s)!) };
  sentences.forEach((sentence, order) => {
    const triggers = triggersOf.get(sentence)!;
    if (!triggers[0]) return;
    const isTitle = sentence.end <= titleEnd;
    const foldedSentence = foldedSentences[order]!;
    const neighbours = sentences.filter((s) => s.paragraph === sentence.paragraph && s !== sentence);
    const nearby = [...neighbours.filter((s) => s.index > sentence.index), ...neighbours.filter((s) => s.index < sentence.index).reverse()];
    // Who was aimed at and hit, as the story goes on in the next sentences of its paragraph.
    const story = isTitle
      ? foldedSentence
      : [sentence, ...nearby.filter((s) => s.index > sentence.index).slice(0, 2)].map((s) => foldedSentences[orderOf.get(s)!]).join(' ');
    const storyTriggers = isTitle
      ? []
      : [
          ...triggers.slice(1),
          ...nearby
            .filter((s) => s.index > sentence.index)
            .slice(0, 2)
            .flatMap((s) => triggersOf.get(s)!),
        ];
    // What a patrol caught may be told a paragraph below it (a communiqué's numbered points).
    const catchStory = folded.slice(sentence.index, sentences[Math.min(order + 3, sentences.length - 1)]!.end);
    const trigger: Trigger = byPatrolCatch(byStoryMeans(byStoryVictims(triggers[0], story), storyTriggers), isTitle ? story : catchStory, storyTriggers);
    triggerWeights.set(sentence.index, trigger.weight);

    // Date: its own, else its paragraph's, else the nearest before it, else the headline's or the lead's.
    const triggerAt = sentence.index + Math.min(trigger.index, sentence.text.length);
    let date: DateMention | undefined = eventDates(dates, sentence, folded, triggerAt)[0];
    const ownDate = date !== undefined;
    // An event of several days dated by its month (« over five days in March 2022 ») is dated by its
    // first day when the sentences just after it give that day (« The operation began on 27 March »).
    if (date?.precision === 'month' && !isTitle) {
      const month = date.date;
      for (const next of sentences.filter((s) => s.index > sentence.index).slice(0, STORY_SENTENCES_AFTER)) {
        const start = eventDates(dates, next, folded).find(
          (d) => d.precision === 'day' && d.date.startsWith(month) && BEGAN.test(folded.slice(Math.max(next.index, d.index - 40), d.index)),
        );
        if (start) {
          date = start;
          break;
        }
      }
    }
    // Else the date a sentence near it states (« s'est déroulée mercredi »), that of a sentence telling the
    // same kind of event (next to it, then before it), the headline's, the lead's, and last a neighbour's.
    date ??= isTitle ? undefined : dateStatedNear(sentences, order, dates, folded);
    const earlier = sentences.filter((s) => s.index < sentence.index && s.index >= titleEnd).reverse();
    const sameKind = (s: Sentence) => triggersOf.get(s)!.some((t) => t.eventType === trigger.eventType);
    for (const other of nearby.filter(sameKind)) {
      if (date) break;
      date = eventDates(dates, other, folded).filter((d) => d.precision !== 'year')[0];
    }
    // A story told over a few sentences dates its opening one only (« Le samedi 21 février, la
    // Légion a conduit des opérations … » then « Ces opérations ont abouti au démantèlement … »):
    // the day given just before, whatever that sentence tells, is the undated sentence's.
    for (const other of isTitle ? [] : earlier.slice(0, STORY_SENTENCES_BEFORE)) {
      date ??= storyOpeningDate(dates, other, folded, input.published, triggersOf.get(other)!.length > 0);
    }
    const candidates = [...earlier.filter(sameKind), ...sentences.filter((s) => s.end <= titleEnd), ...lead, ...nearby.slice(0, 2)];
    for (const other of candidates) {
      if (date) break;
      date = eventDates(dates, other, folded).filter((d) => d.precision !== 'year')[0];
    }
    // Place: its own, else its paragraph's, else the headline's or the lead's.
    let place = sentencePlace(places, sentence, folded, triggerAt);
    if (!isTitle) place = placeStatedAfter(place, sentences.slice(order + 1), places, folded) ?? place;
    const ownPlace = place !== undefined;
    const around = [...nearby, ...sentences.filter((s) => s.end <= titleEnd), ...lead];
    // A sentence that names only the region of its event (« dans la région de Kayes ») borrows a
    // place of that region, never the capital or a town elsewhere that another sentence names.
    const division = ownPlace ? undefined : sentenceDivision(places, sentence, folded);
    for (const other of around) {
      if (place) break;
      const borrowed = sentencePlace(places, other, folded, other.index);
      if (borrowed && liesIn(borrowed, division)) place = borrowed;
    }
    // Else the division the story names (« cercle de Macina »): its seat is near enough.
    for (const other of [sentence, ...around]) place ??= sentenceRegion(places, other);
    const hypothetical = HYPOTHETICAL.test(foldedSentence) || RETROSPECTIVE.test(foldedSentence) || FLED_FROM.test(foldedSentence);
    const age = date && input.published ? daysSinceEvent(date.date, input.published) : 0;
    const titleAgrees = titleTriggers.some((t) => t.eventType === trigger.eventType);

    let salience = trigger.weight;
    if (isTitle) salience += 2;
    if (titleAgrees) salience += 3;
    if (ownDate) salience += date!.precision === 'day' ? 2.5 : 1.5;
    if (ownPlace) salience += 2;
    if (hypothetical) salience -= 3;
    // An authority's statement about an event is not the event; the sentence telling it is.
    // Wire copy ends its report with who told it (« …, the government said. »): still the event.
    if (STATEMENT.test(foldedSentence) && !ATTRIBUTED.test(foldedSentence)) salience -= 3;
    // What had happened before (the pluperfect) is the story's background, not its event.
    if (toldAsBackground(foldedSentence)) salience -= 2;
    // « Separately », « par ailleurs », « dans une autre attaque »: another event than the story's.
    if (toldAsSecondary(foldedSentence)) salience -= 2;
    if (age > 180) salience -= 4;
    salience -= Math.min(4, order * 0.2);
    // The toll often follows in the next sentence ("Trois soldats ont été tués.") or a few
    // sentences later ("Cette fois, ni blessé ni mort n'est à déplorer.").
    const paragraphAfter = nearby.filter((s) => s.index > sentence.index).map((s) => orderOf.get(s)!);
    const fatalities = tollOfEvent(tollContext, order, trigger.eventType, paragraphAfter);
    // A toll marks the story; a single death told in passing is often its background (the victim
    // a march mourns).
    if (fatalities !== null && fatalities > 1) salience += 1;

    const sentenceActors = actorNames(within(actors, sentence));
    // A report that gives no date at all tells of the days just before it: the publication day
    // stands in (and makes the event concrete only for a strong trigger with its own place).
    // A page with no day of its own that tells it on « samedi » tells news of its days, not history.
    const assumedDate = date === undefined && ownPlace && trigger.weight >= 8 && (input.published !== null || toldOnAWeekday(foldedSentence));
    const dateAssumed = date === undefined && input.published !== null;
    if (date === undefined && input.published !== null)
      date = { index: sentence.index, end: sentence.index, text: '', date: input.published, precision: 'day' };
    const concrete =
      !hypothetical && trigger.weight >= 6 && place !== undefined && (ownDate || assumedDate || (date !== undefined && (ownPlace || isTitle))) && age <= 365;
    found.push({
      salience,
      concrete,
      fromTitle: isTitle,
      dateAssumed,
      place,
      ownPlace,
      event: {
        date: date?.date ?? null,
        date_precision: date?.precision ?? null,
        location: place?.name ?? null,
        country: place?.place?.country ?? (place ? mainCountry : null),
        admin1: place?.place?.admin1 || null,
        lat: place?.place?.lat ?? null,
        lon: place?.place?.lon ?? null,
        event_type: trigger.eventType,
        sub_event_type: trigger.subEventType,
        actors: sentenceActors,
        fatalities,
        evidence: sentence.text,
      },
    });
  });

  for (const f of found) f.salience += KIND_WEIGHT * (kinds.get(kindLabel(f.event.event_type, f.event.sub_event_type)) ?? 0);
  // The same event told twice (headline and body, two sentences) is kept once, with the details
  // of both.
  found.sort((a, b) => b.salience - a.salience);
  // A headline announces what the body tells with its date and place: the body's sentence stands
  // for it (with the headline's weight, given above), unless the body never tells it.
  const bodyTypes = new Set(found.filter((f) => !f.fromTitle).map((f) => f.event.event_type));
  const events: (AssembledEvent & { dateAssumed: boolean; fromTitle: boolean; place?: PlaceMention })[] = [];
  for (const candidate of found.filter((f) => !f.fromTitle || !bodyTypes.has(f.event.event_type))) {
    const same = events.find(
      (kept) =>
        kept.event.event_type === candidate.event.event_type &&
        (kept.event.date === null ||
          candidate.event.date === null ||
          kept.dateAssumed ||
          candidate.dateAssumed ||
          kept.event.date.startsWith(candidate.event.date) ||
          candidate.event.date.startsWith(kept.event.date)) &&
        closePlaces(kept.event, candidate.event),
    );
    if (!same) {
      events.push({
        event: candidate.event,
        salience: candidate.salience,
        concrete: candidate.concrete,
        dateAssumed: candidate.dateAssumed,
        fromTitle: candidate.fromTitle,
        place: candidate.place,
        ownPlace: candidate.ownPlace,
      });
      continue;
    }
    const into = same.event;
    const from = candidate.event;
    // A date the text gives for the same event, at the same place, beats the publication day.
    const datedHere = !candidate.dateAssumed && (into.location === null || into.location === from.location);
    if (from.date && (into.date === null || (same.dateAssumed && datedHere))) {
      Object.assign(into, { date: from.date, date_precision: from.date_precision });
      same.dateAssumed = candidate.dateAssumed;
    }
    // The most specific place of the sentences telling the event wins: the village over its town.
    const moreSpecific = candidate.place && (!same.place || placeWeight(candidate.place, folded) > placeWeight(same.place, folded));
    if (from.location && (into.location === null || moreSpecific)) {
      Object.assign(into, { location: from.location, country: from.country ?? into.country, admin1: from.admin1 ?? into.admin1, lat: from.lat, lon: from.lon });
      same.place = candidate.place;
      same.ownPlace = candidate.ownPlace;
    } else if (candidate.ownPlace && from.location === into.location) same.ownPlace = true;
    if (into.fatalities === null) into.fatalities = from.fatalities;
    for (const actor of from.actors) if (!into.actors.includes(actor)) into.actors.push(actor);
    same.concrete ||= candidate.concrete;
  }
  // Else, a date the text gives for the same kind of event near its place (the most salient first).
  // A headline's event, last, takes the date the body gives at the same place, whatever its kind.
  const givesDate = (f: (typeof found)[number]) => !f.dateAssumed && f.event.date !== null;
  // An event left with no date at all (no publication day either) does the same, from any kind
  // (« TOMINIAN | DEUX HUMANITAIRES ASSASSINÉS » and « Ce vendredi 25 juillet 2025, … à Tominian »).
  for (const kept of events.filter((e) => e.dateAssumed || e.event.date === null)) {
    const dated =
      found.find((f) => givesDate(f) && f.event.event_type === kept.event.event_type && samePlace(kept.event, f.event)) ??
      (kept.fromTitle || kept.event.date === null ? found.find((f) => givesDate(f) && samePlaceName(f.event, kept.event)) : undefined);
    if (!dated) continue;
    Object.assign(kept.event, { date: dated.event.date, date_precision: dated.event.date_precision });
    kept.dateAssumed = false;
  }
  // A toll given in another sentence about the same event (the headline, the army's statement)
  // belongs to it: same type, no other date.
  for (const kept of events) {
    if (kept.event.fatalities !== null) continue;
    const source = found.find(
      (f) =>
        f.event.fatalities !== null &&
        f.event.event_type === kept.event.event_type &&
        (f.event.date === null || kept.event.date === null || f.event.date.startsWith(kept.event.date) || kept.event.date.startsWith(f.event.date)),
    );
    if (source) kept.event.fatalities = source.event.fatalities;
  }
  // A headline that names its event's place and the body that tells the event at the same place
  // (« in the Kédougou region ») report one concrete event, though the body stands for it.
  for (const kept of events.filter((e) => !e.concrete && !e.fromTitle)) {
    kept.concrete = found.some(
      (f) => f.fromTitle && f.concrete && f.event.event_type === kept.event.event_type && kept.event.location !== null && closePlaces(f.event, kept.event),
    );
  }
  const best = events[0];
  const commentary = isCommentary(title, input.body);
  const byRules = best !== undefined && events.some((e) => e.concrete) && !(genreWords >= 3 && best.salience < 14) && !commentary;
  if (probability === null) return { relevant: byRules, events: byRules ? events.filter((e) => e.concrete || e.salience >= 10) : [] };
  // A headline announcing a trial, an epidemic, an interview or a look back needs more to count.
  const foldedTitle = foldText(title);
  const otherGenre =
    VERDICT_TITLE.test(foldedTitle) || (OTHER_GENRE_TITLE.test(foldedTitle) && !titleTriggers.some((t) => t.weight >= 8 && t.sense !== 'toll'));
  const relevant =
    best !== undefined &&
    !commentary &&
    !headlineLooksBack(foldedTitle, best.event.date, best.dateAssumed, input.published) &&
    (otherGenre ? byRules && probability >= RELEVANT_OTHER_GENRE : byRules ? probability >= RELEVANT_WITH_RULES : probability >= RELEVANT_WITHOUT_RULES);
  if (!relevant) return { relevant: false, events: [] };
  const kept = events.filter((e) => e.concrete || e.salience >= 10);
  const result = kept.length > 0 ? kept : [best];
  // The place ranker reads the whole article: where it is sure, its place is the main event's.
  const main = result[0]!.event;
  const chosen = main.location === null ? null : foldName(main.location);
  const ranked = placeCandidates(places, { folded, sentences, titleEnd, triggerWeights, mainCountry }, chosen)
    .filter((c) => rankerMayReplace(result[0], c.mentions, folded) && mayOutweighOwnPlace(result[0], c.features))
    .map((c) => ({ c, p: model!.place(c.features) }))
    .sort((a, b) => b.p - a.p)[0];
  const mention = ranked && (ranked.c.mentions.find((m) => m.place !== null) ?? ranked.c.mentions[0]!);
  if (ranked && mention && ranked.p >= PLACE_SURE && ranked.c.key !== foldName(main.location ?? '')) {
    Object.assign(main, {
      location: mention.name,
      country: mention.place?.country ?? main.country ?? mainCountry,
      admin1: mention.place?.admin1 || null,
      lat: mention.place?.lat ?? null,
      lon: mention.place?.lon ?? null,
    });
  }
  return { relevant, events: result };
}
