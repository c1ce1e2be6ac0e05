import type { Kysely, Selectable } from 'kysely';
import type { Alert, AlertAcknowledgement, StoredAlertRule } from '../domain/alert.js';
import type { AlertRule, AlertRuleKind } from '../domain/alert-rules.js';
import type { ThreatLevel } from '../domain/early-warning-config.js';
import type { NationCode } from '../domain/nation.js';
import type { LevelHistoryEntry, LevelOverride, LevelSource } from '../domain/threat-level.js';
import type { SectionScore } from '../domain/threat-score.js';
import { readStringArray, writeStringArray } from './columns.js';
import { visibleTo } from './sovereignty.js';
import type { AlertTable } from './early-warning-schema.js';
import type { Database } from './schema.js';

const SETTINGS_KEY = 'early-warning';

export interface StoredOverride extends LevelOverride {
  id: string;
}

/** Running section scores, level history, overrides and the settings document. */
export class ThreatLevelRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async scores(): Promise<SectionScore[]> {
    return this.db.selectFrom('sectionScores').select(['section', 'score', 'asOf']).execute();
  }

  async score(section: string): Promise<SectionScore | undefined> {
    return this.db.selectFrom('sectionScores').select(['section', 'score', 'asOf']).where('section', '=', section).executeTakeFirst();
  }

  async saveScores(scores: readonly SectionScore[]): Promise<void> {
    if (scores.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const s of scores) {
        await trx
          .insertInto('sectionScores')
          .values({ section: s.section, score: s.score, asOf: s.asOf })
          .onConflict((oc) => oc.column('section').doUpdateSet({ score: s.score, asOf: s.asOf }))
          .execute();
      }
    });
  }

  /**
   * Appends history lines and sets the sections' shown levels in one transaction, so that the
   * level served by `GET /sections` and its history never disagree.
   */
  async recordLevels(entries: readonly LevelHistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const e of entries) {
        await trx
          .insertInto('threatLevelHistory')
          .values({ section: e.section, at: e.at, fromLevel: e.from, toLevel: e.to, source: e.source, score: e.score, reason: e.reason ?? null })
          .execute();
        await trx.updateTable('sections').set({ threatLevel: e.to }).where('id', '=', e.section).execute();
      }
    });
  }

  /** The latest history line per section. */
  async latestLevels(): Promise<Map<string, Pick<LevelHistoryEntry, 'to' | 'source'>>> {
    const rows = await this.db
      .selectFrom('threatLevelHistory as h')
      .select(['h.section', 'h.toLevel', 'h.source'])
      .where('h.seq', 'in', (eb) => eb.selectFrom('threatLevelHistory').select((e) => e.fn.max('seq').as('m')).groupBy('section'))
      .execute();
    return new Map(rows.map((r) => [r.section, { to: r.toLevel as ThreatLevel, source: r.source as LevelSource }]));
  }

  /** When each section's level last changed. */
  async lastChanges(): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('threatLevelHistory')
      .select((eb) => ['section', eb.fn.max('at').as('at')])
      .groupBy('section')
      .execute();
    return new Map(rows.map((r) => [r.section, String(r.at)]));
  }

  async history(filter: { section?: string; from?: string; to?: string; limit?: number }): Promise<LevelHistoryEntry[]> {
    let q = this.db.selectFrom('threatLevelHistory').selectAll();
    if (filter.section) q = q.where('section', '=', filter.section);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<=', filter.to);
    const rows = await q.orderBy('at').orderBy('seq').limit(filter.limit ?? 10_000).execute();
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
    await this.db.insertInto('levelOverrides').values(override).execute();
  }

  /** Overrides not yet expired at `now` (and those set for later), by section. */
  async activeOverrides(now: string): Promise<StoredOverride[]> {
    const rows = await this.db.selectFrom('levelOverrides').selectAll().where('expiresAt', '>', now).orderBy('setAt').execute();
    return rows.map((r) => ({ ...r, level: r.level as ThreatLevel }));
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

export interface AlertQuery {
  since?: string;
  unacknowledgedBy?: string;
  publicOnly?: boolean;
  limit: number;
}

/** Alert rules, alerts (shared records, unique by cause) and acknowledgements. */
export class AlertRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async rules(): Promise<StoredAlertRule[]> {
    const rows = await this.db.selectFrom('alertRules').selectAll().orderBy('createdAt').orderBy('id').execute();
    return rows.map((r) => ({
      rule: JSON.parse(r.definition) as AlertRule,
      public: r.public === 1,
      releasableTo: readStringArray(r.releasableTo),
      createdAt: r.createdAt,
      createdBy: r.createdBy,
    }));
  }

  async ruleExists(id: string): Promise<boolean> {
    return (await this.db.selectFrom('alertRules').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async insertRule(stored: StoredAlertRule): Promise<void> {
    await this.db
      .insertInto('alertRules')
      .values({
        id: stored.rule.id,
        kind: stored.rule.kind,
        definition: JSON.stringify(stored.rule),
        public: stored.public ? 1 : 0,
        releasableTo: writeStringArray(stored.releasableTo),
        createdAt: stored.createdAt,
        createdBy: stored.createdBy,
      })
      .execute();
  }

  /** Switches a rule on or off; false when there is no such rule. */
  async setRuleEnabled(id: string, enabled: boolean): Promise<StoredAlertRule | undefined> {
    const row = await this.db.selectFrom('alertRules').select('definition').where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const rule = { ...(JSON.parse(row.definition) as AlertRule), enabled };
    await this.db.updateTable('alertRules').set({ definition: JSON.stringify(rule) }).where('id', '=', id).execute();
    return (await this.rules()).find((r) => r.rule.id === id);
  }

  /** Inserts the alert unless its cause already raised one; true when it was new. */
  async insertOnce(alert: Alert): Promise<boolean> {
    const result = await this.db
      .insertInto('alerts')
      .values(toRow(alert))
      .onConflict((oc) => oc.column('dedupKey').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async findVisible(id: string, viewer: NationCode): Promise<Alert | undefined> {
    const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).where(visibleTo(viewer)).executeTakeFirst();
    return row && fromRow(row);
  }

  async listVisible(viewer: NationCode, query: AlertQuery): Promise<(Alert & { acknowledgements: AlertAcknowledgement[] })[]> {
    let q = this.db.selectFrom('alerts').selectAll().where(visibleTo(viewer));
    if (query.since) q = q.where('createdAt', '>=', query.since);
    if (query.publicOnly) q = q.where('public', '=', 1);
    if (query.unacknowledgedBy) {
      const user = query.unacknowledgedBy;
      q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('alertAcknowledgements as k').select('k.alertId').whereRef('k.alertId', '=', 'alerts.id').where('k.userId', '=', user))));
    }
    const rows = await q.orderBy('seq', 'desc').limit(query.limit).execute();
    if (rows.length === 0) return [];
    const acks = await this.db.selectFrom('alertAcknowledgements').selectAll().where('alertId', 'in', rows.map((r) => r.id)).orderBy('at').execute();
    return rows.map((r) => ({ ...fromRow(r), acknowledgements: acks.filter((a) => a.alertId === r.id) }));
  }

  /** Records the user's acknowledgement once; a second one keeps the first time. */
  async acknowledge(ack: AlertAcknowledgement): Promise<AlertAcknowledgement[]> {
    await this.db.insertInto('alertAcknowledgements').values(ack).onConflict((oc) => oc.columns(['alertId', 'userId']).doNothing()).execute();
    return this.db.selectFrom('alertAcknowledgements').selectAll().where('alertId', '=', ack.alertId).orderBy('at').execute();
  }
}

function toRow(alert: Alert) {
  return {
    id: alert.id,
    owner: alert.owner,
    releasableTo: writeStringArray(alert.releasableTo),
    version: alert.version,
    createdAt: alert.createdAt,
    updatedAt: alert.updatedAt,
    dedupKey: alert.dedupKey,
    ruleId: alert.rule,
    ruleKind: alert.ruleKind,
    severity: alert.severity,
    causeKind: alert.cause.kind,
    causeId: alert.cause.id,
    at: alert.at,
    section: alert.section,
    lat: alert.location?.lat ?? null,
    lon: alert.location?.lon ?? null,
    distanceKm: alert.distanceKm,
    eventType: alert.eventType,
    headlineFr: alert.headline.fr,
    headlineEn: alert.headline.en,
    public: alert.public ? 1 : 0,
  };
}

function fromRow(row: Selectable<AlertTable>): Alert {
  return {
    id: row.id,
    owner: row.owner,
    releasableTo: readStringArray(row.releasableTo),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    rule: row.ruleId,
    ruleKind: row.ruleKind as AlertRuleKind,
    dedupKey: row.dedupKey,
    severity: row.severity as ThreatLevel,
    cause: { kind: row.causeKind as Alert['cause']['kind'], id: row.causeId },
    at: row.at,
    section: row.section,
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    distanceKm: row.distanceKm,
    eventType: row.eventType,
    headline: { fr: row.headlineFr, en: row.headlineEn },
    public: row.public === 1,
  };
}

export interface Webhook {
  id: string;
  url: string;
  nation: NationCode;
  description: string | null;
  enabled: boolean;
  createdAt: string;
  createdBy: string | null;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  alertId: string;
  idempotencyKey: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextTryAt: string;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** Webhooks and their delivery queue: a delivery is one row per (webhook, idempotency key). */
export class WebhookRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(webhook: Webhook): Promise<void> {
    await this.db.insertInto('webhooks').values({ ...webhook, enabled: webhook.enabled ? 1 : 0 }).execute();
  }

  async list(nation?: NationCode): Promise<Webhook[]> {
    let q = this.db.selectFrom('webhooks').selectAll();
    if (nation) q = q.where('nation', '=', nation);
    const rows = await q.orderBy('createdAt').execute();
    return rows.map((r) => ({ ...r, enabled: r.enabled === 1 }));
  }

  /** Switches a webhook of `nation` on or off; undefined when that nation has no such webhook. */
  async setEnabled(id: string, nation: NationCode, enabled: boolean): Promise<Webhook | undefined> {
    const result = await this.db
      .updateTable('webhooks')
      .set({ enabled: enabled ? 1 : 0 })
      .where('id', '=', id)
      .where('nation', '=', nation)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    return (await this.list(nation)).find((webhook) => webhook.id === id);
  }

  /** Queues a delivery; the unique (webhook, key) pair makes a second enqueue of the same alert a no-op. */
  async enqueue(delivery: WebhookDelivery): Promise<boolean> {
    const result = await this.db
      .insertInto('webhookDeliveries')
      .values(delivery)
      .onConflict((oc) => oc.columns(['webhookId', 'idempotencyKey']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async due(now: string, limit: number): Promise<(WebhookDelivery & { url: string })[]> {
    const rows = await this.db
      .selectFrom('webhookDeliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhookId')
      .selectAll('d')
      .select('w.url')
      .where('d.status', '=', 'pending')
      .where('w.enabled', '=', 1)
      .where('d.nextTryAt', '<=', now)
      .orderBy('d.nextTryAt')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, status: r.status as WebhookDelivery['status'] }));
  }

  /** The next try of a delivery to a webhook that is on; those of a switched-off one wait for it. */
  async nextDueAt(): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('webhookDeliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhookId')
      .select((eb) => eb.fn.min('d.nextTryAt').as('at'))
      .where('d.status', '=', 'pending')
      .where('w.enabled', '=', 1)
      .executeTakeFirst();
    return (row?.at as string | null | undefined) ?? undefined;
  }

  async update(id: string, change: Partial<Pick<WebhookDelivery, 'status' | 'attempts' | 'nextTryAt' | 'lastError' | 'deliveredAt'>>): Promise<void> {
    await this.db.updateTable('webhookDeliveries').set(change).where('id', '=', id).execute();
  }

  async deliveries(webhookId?: string): Promise<WebhookDelivery[]> {
    let q = this.db.selectFrom('webhookDeliveries').selectAll();
    if (webhookId) q = q.where('webhookId', '=', webhookId);
    const rows = await q.orderBy('createdAt').execute();
    return rows.map((r) => ({ ...r, status: r.status as WebhookDelivery['status'] }));
  }
}
