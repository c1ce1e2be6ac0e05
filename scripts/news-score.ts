/**
 * The news extractor's figures against gold answers (corpus/README.md). Pure: pairs of gold and
 * system answers in, metrics out.
 *
 * - Relevance: precision, recall and F1 of `relevant`.
 * - Main event (items whose gold is relevant): the system's first event, when it said relevant,
 *   against the gold's first. Date: the system's date starts with the gold's date at the gold's
 *   precision. Place: within 25 km, or the same name (accents, case, hyphens and apostrophes
 *   aside). Type, sub-type, fatalities: equal (a missing toll is null). Each divided by the number
 *   of relevant gold items, so that a missed item counts as wrong on every field.
 * - Events: a gold event is found when a system event of a relevant answer has its type, date and
 *   place (recall); a system event is right when the gold is relevant and holds such an event
 *   (precision).
 */
export interface EventAnswer {
  date?: string | null;
  location?: string | null;
  lat?: number | null;
  lon?: number | null;
  event_type?: string | null;
  sub_event_type?: string | null;
  fatalities?: number | null;
}

export interface GoldEvent extends EventAnswer {
  date: string;
  /** A month's event may be written on its first day (« 2018-10-01 », month): only its month counts. */
  date_precision?: 'day' | 'month' | 'year';
}

const PRECISION_LENGTH = { day: 10, month: 7, year: 4 } as const;

export interface ScoredPair {
  gold: { relevant: boolean; events: GoldEvent[] };
  system: { relevant: boolean; events: EventAnswer[] };
}

export interface MainEventCheck {
  date: boolean;
  place: boolean;
  type: boolean;
  subType: boolean;
  fatalities: boolean;
}

export interface Metrics {
  items: number;
  relevance: { precision: number; recall: number; f1: number };
  mainDate: number;
  mainPlace: number;
  mainType: number;
  mainSubType: number;
  mainFatalities: number;
  eventRecall: number;
  eventPrecision: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function foldPlaceName(name: unknown): string {
  return String(name ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Distance as the scorer measures it (the same as the corpus's reference scorer). */
export function kilometres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export function sameDate(system: EventAnswer, gold: GoldEvent): boolean {
  const told = gold.date.slice(0, PRECISION_LENGTH[gold.date_precision ?? 'day']);
  return typeof system.date === 'string' && system.date.length >= told.length && system.date.startsWith(told);
}

export function samePlace(system: EventAnswer, gold: GoldEvent): boolean {
  const located = (e: EventAnswer): e is EventAnswer & { lat: number; lon: number } => Number.isFinite(e.lat) && Number.isFinite(e.lon);
  if (located(system) && located(gold) && kilometres(system, gold) <= 25) return true;
  return system.location != null && foldPlaceName(system.location) === foldPlaceName(gold.location);
}

const sameEvent = (system: EventAnswer, gold: GoldEvent) => system.event_type === gold.event_type && sameDate(system, gold) && samePlace(system, gold);

/** The checks of one item's main event; null when its gold is not relevant. */
export function checkMainEvent(pair: ScoredPair): MainEventCheck | null {
  if (!pair.gold.relevant) return null;
  const gold = pair.gold.events[0]!;
  const system = pair.system.relevant ? pair.system.events[0] : undefined;
  if (!system) return { date: false, place: false, type: false, subType: false, fatalities: false };
  return {
    date: sameDate(system, gold),
    place: samePlace(system, gold),
    type: system.event_type === gold.event_type,
    subType: system.sub_event_type === gold.sub_event_type,
    fatalities: (system.fatalities ?? null) === (gold.fatalities ?? null),
  };
}

export function score(pairs: readonly ScoredPair[]): Metrics {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  let relevantGold = 0;
  const main = { date: 0, place: 0, type: 0, subType: 0, fatalities: 0 };
  let goldEvents = 0;
  let goldFound = 0;
  let systemEvents = 0;
  let systemRight = 0;
  for (const pair of pairs) {
    const { gold, system } = pair;
    if (system.relevant && gold.relevant) truePositive++;
    else if (system.relevant) falsePositive++;
    else if (gold.relevant) falseNegative++;
    const check = checkMainEvent(pair);
    if (check) {
      relevantGold++;
      for (const field of Object.keys(main) as (keyof typeof main)[]) main[field] += check[field] ? 1 : 0;
      for (const event of gold.events) {
        goldEvents++;
        if (system.relevant && system.events.some((s) => sameEvent(s, event))) goldFound++;
      }
    }
    if (system.relevant) {
      for (const event of system.events) {
        systemEvents++;
        if (gold.relevant && gold.events.some((g) => sameEvent(event, g))) systemRight++;
      }
    }
  }
  const precision = ratio(truePositive, truePositive + falsePositive);
  const recall = ratio(truePositive, truePositive + falseNegative);
  return {
    items: pairs.length,
    relevance: { precision, recall, f1: ratio(2 * precision * recall, precision + recall) },
    mainDate: ratio(main.date, relevantGold),
    mainPlace: ratio(main.place, relevantGold),
    mainType: ratio(main.type, relevantGold),
    mainSubType: ratio(main.subType, relevantGold),
    mainFatalities: ratio(main.fatalities, relevantGold),
    eventRecall: ratio(goldFound, goldEvents),
    eventPrecision: ratio(systemRight, systemEvents),
  };
}
