import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import type { NationCode } from '../kernel/nation.js';
import type { Releasable } from '../domain/sovereignty.js';
import type { LevelHistoryEntry, LevelOverride, LevelSource } from '../domain/threat-level.js';
import type { ScoringFields, SectionScore } from '../domain/threat-score.js';
import { readStringArray, writeStringArray } from './columns.js';
import type { Store } from './database.js';
import type { Database } from './schema.js';
import { derivedFor } from './sovereignty.js';

const SETTINGS_KEY = 'early-warning';

/** A coordinator's override: a record of the host nation, applied to the audiences it is released to. */
export interface StoredOverride extends LevelOverride, Releasable {
  id: string;
}

/** A section as one audience sees it: its running score, and the level shown with its source. */
export interface AudienceSectionState extends SectionScore {
  audience: NationCode;
  /** The head of the audience's history for the section; null before its first reading. */
  shown: Pick<LevelHistoryEntry, 'to' | 'source'> | null;
  changedAt: string | null;
}

/** A line of one audience's level history. */
export interface AudienceLevelEntry extends LevelHistoryEntry {
  audience: NationCode;
}

/** A stored incident as the full recompute reads it: what it is scored on, and who may see it. */
export interface ScoringRow extends ScoringFields {
  seq: number;
  owner: NationCode;
  releasableTo: string;
}

/**
 * Running section scores, shown levels and level history — one of each per audience and section —
 * with the overrides and the settings document they are computed with.
 */
export class ThreatLevelRepository {
  private readonly db: Kysely<Database>;
  private page: SQLite.Statement<[number, number, string, number]> | undefined;

  constructor(private readonly store: Store) {
    this.db = store.db;
  }

  /** The audience's sections that have a row (a score or a level); all of them when `sections` is absent. */
  async states(audience: NationCode, sections?: readonly string[]): Promise<AudienceSectionState[]> {
    if (sections && sections.length === 0) return [];
    let q = this.db.selectFrom('audienceSectionLevels').selectAll().where(derivedFor(audience));
    if (sections) q = q.where('section', 'in', sections);
    const rows = await q.execute();
    return rows.map((r) => ({
      audience: r.audience,
      section: r.section,
      score: r.score,
      asOf: r.asOf,
      shown: r.level === null ? null : { to: r.level as ThreatLevel, source: (r.source ?? 'computed') as LevelSource },
      changedAt: r.changedAt,
    }));
  }

  /** Sets running scores, keeping each row's shown level. */
  async saveScores(scores: readonly (SectionScore & { audience: NationCode })[]): Promise<void> {
    if (scores.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const s of scores) {
        await trx
          .insertInto('audienceSectionLevels')
          .values({ audience: s.audience, section: s.section, score: s.score, asOf: s.asOf })
          .onConflict((oc) => oc.columns(['audience', 'section']).doUpdateSet({ score: s.score, asOf: s.asOf }))
          .execute();
      }
    });
  }

  /**
   * Appends history lines and sets the audiences' shown levels in one transaction, so that the
   * level served and its history never disagree.
   */
  async recordLevels(entries: readonly AudienceLevelEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const e of entries) {
        await trx
          .insertInto('threatLevelHistory')
          .values({
            audience: e.audience,
            section: e.section,
            at: e.at,
            fromLevel: e.from,
            toLevel: e.to,
            source: e.source,
            score: e.score,
            reason: e.reason ?? null,
          })
          .execute();
        await trx
          .insertInto('audienceSectionLevels')
          .values({ audience: e.audience, section: e.section, score: 0, asOf: e.at, level: e.to, source: e.source, changedAt: e.at })
          .onConflict((oc) => oc.columns(['audience', 'section']).doUpdateSet({ level: e.to, source: e.source, changedAt: e.at }))
          .execute();
      }
    });
  }

  async history(audience: NationCode, filter: { section?: string; from?: string; to?: string; limit?: number }): Promise<LevelHistoryEntry[]> {
    let q = this.db.selectFrom('threatLevelHistory').selectAll().where(derivedFor(audience));
    if (filter.section) q = q.where('section', '=', filter.section);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<=', filter.to);
    const rows = await q
      .orderBy('at')
      .orderBy('seq')
      .limit(filter.limit ?? 10_000)
      .execute();
    return rows.map((r) => {
      const entry: LevelHistoryEntry = {
        section: r.section,
        at: r.at,
        from: r.fromLevel as ThreatLevel | null,
        to: r.toLevel as ThreatLevel,
        source: r.source as LevelSource,
        score: r.score,
      };
      if (r.reason !== null) entry.reason = r.reason;
      return entry;
    });
  }

  async insertOverride(override: StoredOverride): Promise<void> {
    await this.db
      .insertInto('levelOverrides')
      .values({
        id: override.id,
        section: override.section,
        level: override.level,
        reason: override.reason,
        setBy: override.setBy,
        setAt: override.setAt,
        expiresAt: override.expiresAt,
        owner: override.owner,
        releasableTo: writeStringArray(override.releasableTo),
      })
      .execute();
  }

  /** An override lifted early: it expires at `at` (the record stays, with its reason and author). */
  async endOverride(id: string, at: string): Promise<void> {
    await this.db.updateTable('levelOverrides').set({ expiresAt: at }).where('id', '=', id).where('expiresAt', '>', at).execute();
  }

  /** Overrides not yet expired at `now` (and those set for later), of the given sections or all. */
  async activeOverrides(now: string, sections?: readonly string[]): Promise<StoredOverride[]> {
    if (sections && sections.length === 0) return [];
    let q = this.db.selectFrom('levelOverrides').selectAll().where('expiresAt', '>', now);
    if (sections) q = q.where('section', 'in', sections);
    const rows = await q.orderBy('setAt').orderBy('id').execute();
    return rows.map((r) => ({ ...r, level: r.level as ThreatLevel, releasableTo: readStringArray(r.releasableTo) }));
  }

  /**
   * The full recompute's reader: incidents with `seq` in (after, upTo], attributed to a section and
   * not older than `oldest`, a page at a time by primary key, straight from SQLite (a million
   * incidents never sit in memory as objects).
   */
  scoringPage(after: number, upTo: number, oldest: string, limit: number): ScoringRow[] {
    this.page ??= this.store.sqlite.prepare(
      `SELECT seq, id, owner, releasable_to AS releasableTo, section, event_type AS eventType, sub_event_type AS subEventType,
              occurred_at AS occurredAt, fatalities, source_credibility AS credibility, status
         FROM incidents WHERE seq > ? AND seq <= ? AND section IS NOT NULL AND occurred_at >= ? ORDER BY seq LIMIT ?`,
    );
    return this.page.all(after, upTo, oldest, limit) as ScoringRow[];
  }

  /** The last incident written so far: a recompute counts up to it, later ones arrive as events. */
  lastIncidentSeq(): number {
    return (this.store.sqlite.prepare('SELECT max(seq) AS seq FROM incidents').get() as { seq: number | null }).seq ?? 0;
  }

  async settings(): Promise<unknown> {
    const row = await this.db.selectFrom('earlyWarningSettings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst();
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async saveSettings(settings: unknown, at: string, by: string | null): Promise<void> {
    const value = JSON.stringify(settings);
    await this.db
      .insertInto('earlyWarningSettings')
      .values({ key: SETTINGS_KEY, value, updatedAt: at, updatedBy: by })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: at, updatedBy: by }))
      .execute();
  }
}
