import { DiboliError } from './errors.js';
import { partnersOf, type Mechanism, type SharedKind } from './mechanism.js';
import type { NationCode } from '../kernel/nation.js';

/**
 * The sovereignty rules, in one place: who may read a record, what a record may be released to,
 * who loses access when it is narrowed, who may change it, and who may receive what is derived
 * from records. Every channel (REST, live stream, alerts, CAP, webhooks, reports, levels, tiles,
 * the federation feed) decides through these functions; the store applies the read rule in SQL
 * through its twin, `store/sovereignty.ts`.
 */

/** The two fields that decide who may read a record. */
export interface Releasable {
  owner: NationCode;
  /** Nations the owner released the record to; empty means national only. */
  releasableTo: readonly NationCode[];
}

/** The read rule: a nation sees a record it owns or one released to it, and nothing else. */
export function isVisibleTo(record: Releasable, nation: NationCode): boolean {
  return record.owner === nation || record.releasableTo.includes(nation);
}

/** Every nation that may read the record: its owner and the nations it was released to, sorted. */
export function audienceOf(record: Releasable): NationCode[] {
  return [...new Set([record.owner, ...record.releasableTo])].sort();
}

/**
 * The nations that may read every one of `records`: what is derived from several records (a
 * level, an alert, a count) may reach a nation only when each of its inputs may.
 */
export function commonAudience(records: readonly Releasable[], among: readonly NationCode[]): NationCode[] {
  return [...new Set(among)].filter((nation) => records.every((r) => isVisibleTo(r, nation))).sort();
}

/**
 * The releasability a record gets: what its author asked for, else the mechanism's default for
 * that kind. Either way it names only partner nations (never the owner itself, never an outsider)
 * and is sorted, so equal sets compare equal.
 */
export function releasabilityOf(
  mechanism: Mechanism,
  owner: NationCode,
  kind: SharedKind,
  requested: readonly string[] | undefined,
  field = 'releasableTo',
): NationCode[] {
  const chosen = requested ?? mechanism.sharingPolicy[kind];
  const partners = new Set(partnersOf(mechanism, owner));
  for (const nation of chosen) {
    if (nation !== owner && !partners.has(nation)) {
      throw new DiboliError('ERR_RELEASE_OUTSIDE_MECHANISM', { value: nation }, field);
    }
  }
  return partnersNamed(owner, chosen);
}

/** A releasability in its one written form: partner nations only (never the owner), each once, sorted. */
export function partnersNamed(owner: NationCode, nations: readonly NationCode[]): NationCode[] {
  return [...new Set(nations.filter((n) => n !== owner))].sort();
}

/** Nations that could read the previous version and cannot read the new one. */
export function lostAccess(before: readonly NationCode[], after: readonly NationCode[]): NationCode[] {
  const kept = new Set(after);
  return [...new Set(before.filter((n) => !kept.has(n)))].sort();
}

/**
 * The partners a document made for `viewer` may be handed to whole: those that may read every
 * record in it and every record its figures were derived from (the viewer's own nation aside).
 * Empty: the document stays national. Decided on the viewer's own view, so that the marking itself
 * tells nothing of records the viewer may not see.
 */
export function documentAudience(records: readonly Releasable[], nations: readonly NationCode[], viewer: NationCode): NationCode[] {
  return commonAudience(records, nations).filter((nation) => nation !== viewer);
}

/**
 * Whose view a nation's officer may print on this node: its own; and, for the node's own nation,
 * a partner's — everything a partner may see here (its records received, those released to it)
 * the node's nation sees too, so that version tells the maker nothing new and may be handed over.
 */
export function mayReportFor(makerNation: NationCode, nodeNation: NationCode, audience: NationCode, nations: readonly NationCode[]): boolean {
  return audience === makerNation || (makerNation === nodeNation && nations.includes(audience));
}

/**
 * Who may read a patrol's positions: its owner, and those of the partners it was released to that
 * the mechanism's position policy names. Live positions are the most sensitive data there is.
 */
export function positionsAudience(patrol: Releasable, mechanism: Pick<Mechanism, 'sharingPolicy'>): Releasable {
  return { owner: patrol.owner, releasableTo: patrol.releasableTo.filter((n) => showsPartnersPositions(mechanism, n)) };
}

/** Whether the position policy lets a nation be shown the positions of partners' patrols released to it. */
export function showsPartnersPositions(mechanism: Pick<Mechanism, 'sharingPolicy'>, nation: NationCode): boolean {
  return mechanism.sharingPolicy.position.includes(nation);
}

/**
 * Derived figures (section scores, levels and their history, alerts) are computed per audience: for
 * each nation, from the records that nation may read on this node, the node's own nation reading
 * all it holds. A change to a record touches the audiences that may read it before or after the
 * change, and no other: what one nation is told never moves because of what it may not see.
 */
export function audiencesTouched(versions: readonly (Releasable | null | undefined)[], nations: readonly NationCode[]): NationCode[] {
  return [...new Set(nations)].filter((nation) => versions.some((v) => v && isVisibleTo(v, nation))).sort();
}

/**
 * A record derived for one audience (an alert raised from its view) is made by this node and
 * released to that audience alone; `isDerivedFor` is how it is read: each nation reads what was
 * computed for it, the host nation included, and never another audience's figures.
 */
export function derivedFor(nodeNation: NationCode, audience: NationCode): Releasable {
  return { owner: nodeNation, releasableTo: audience === nodeNation ? [] : [audience] };
}

export function isDerivedFor(record: { audience: NationCode }, nation: NationCode): boolean {
  return record.audience === nation;
}

/**
 * Single writer: a record changes on its owner's node only, by a user of the owner nation. A copy
 * received from a partner is read-only here, whoever asks, and a partner's officer seconded to this
 * node does not change this nation's records.
 */
export function requireWritableHere(record: Pick<Releasable, 'owner'>, nodeNation: NationCode, actorNation: NationCode): void {
  if (!isWritableHere(record, nodeNation, actorNation)) throw new DiboliError('ERR_NOT_OWNER', { owner: record.owner });
}

/** The single-writer rule as a question (the web UI asks it before offering an edit). */
export function isWritableHere(record: Pick<Releasable, 'owner'>, nodeNation: NationCode, actorNation: NationCode): boolean {
  return record.owner === nodeNation && actorNation === record.owner;
}

/**
 * The versions of a record a nation may read, oldest first: the unbroken run of versions released
 * to it up to the newest. A version the owner kept national, and every version before it, stays
 * hidden — once a nation lost access, what it was shown before is no longer served to it (as on
 * the federation feed), and what the owner held back is never shown.
 */
export function versionsVisibleTo<V extends Releasable & { version: number }>(versions: readonly V[], nation: NationCode): V[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  let first = sorted.length;
  while (first > 0 && isVisibleTo(sorted[first - 1]!, nation)) first--;
  return sorted.slice(first);
}

/**
 * What this node may tell its population (the public CAP feed, read without login, by anyone): an
 * alert of a rule marked public, raised for the host nation's own audience, whose cause is a record
 * of the host nation itself (`causeOwner`). Nothing a partner released: it was released to the
 * host nation's officers, not to the public, and a received record is never released onward. So
 * never an alert raised for a partner's audience, nor one whose cause is a partner's record, nor
 * one computed from the audience's whole picture, where partners' records count (a level rising:
 * `causeOwner` null), nor one told by positions (an overdue patrol: null too).
 */
export function mayReachPopulation(alert: { audience: NationCode; public: boolean }, causeOwner: NationCode | null, nodeNation: NationCode): boolean {
  return alert.public && alert.audience === nodeNation && causeOwner === nodeNation;
}
