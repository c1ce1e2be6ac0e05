import type { Kysely, Selectable } from 'kysely';
import { chainOf, type Alert, type AlertAcknowledgement, type AlertCancel, type AlertMessage, type AlertReference } from '../domain/alert.js';
import type { AlertRuleKind } from '../domain/alert-rules.js';
import type { ThreatLevel } from '../contracts/vocabularies.js';
import type { NationCode } from '../kernel/nation.js';
import { readStringArray, writeStringArray } from './columns.js';
import type { AlertTable } from './early-warning-schema.js';
import type { Database } from './schema.js';
import { derivedFor } from './sovereignty.js';

export interface AlertQuery {
  since?: string;
  unacknowledgedBy?: string;
  publicOnly?: boolean;
  /** Also the messages replaced by a later one of their chain (a CAP feed shows whole chains). */
  withSuperseded?: boolean;
  limit: number;
}

/**
 * Alerts, their Updates and Cancels, each of one audience, in one sequence; one message is in
 * force per audience and cause. A message replaced by the next of its chain is superseded: still
 * served, no longer in force. A withdrawn message (its cause left the audience's view) is kept
 * (the Cancel refers to it) but never served again.
 */
export class AlertRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** True when the audience has an alert in force for this cause. */
  async inForce(audience: NationCode, dedupKey: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('alerts')
      .select('id')
      .where('audience', '=', audience)
      .where('dedupKey', '=', dedupKey)
      .where('withdrawnAt', 'is', null)
      .where('supersededAt', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Inserts the alert unless its audience already has one in force for the cause; true when it was new. */
  async insertOnce(alert: Alert): Promise<boolean> {
    const result = await this.db
      .insertInto('alerts')
      .values(alertRow(alert))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** The audience's alerts in force that a cause or its sections may have raised. */
  async inForceAbout(audience: NationCode, cause: { kind: string; id: string }, sections: readonly string[]): Promise<Alert[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where(derivedFor(audience))
      .where('msgType', '!=', 'Cancel')
      .where('withdrawnAt', 'is', null)
      .where('supersededAt', 'is', null)
      .where((eb) => {
        const byCause = eb.and([eb('causeKind', '=', cause.kind), eb('causeId', '=', cause.id)]);
        return sections.length > 0 ? eb.or([byCause, eb('section', 'in', sections)]) : byCause;
      })
      .orderBy('seq')
      .execute();
    return rows.map((r) => fromRow(r) as Alert);
  }

  /** Replaces an alert in force by its Update, in one transaction: the alert stays served, superseded. */
  async replace(previous: Alert, update: Alert): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('alerts').set({ supersededAt: update.createdAt }).where('id', '=', previous.id).execute();
      await trx.insertInto('alerts').values(alertRow(update)).execute();
    });
  }

  /** Closes an alert's chain with its Cancel, in one transaction: the chain stays served. */
  async close(alert: Alert, cancel: AlertCancel): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('alerts').set({ supersededAt: cancel.createdAt }).where('id', '=', alert.id).execute();
      await trx.insertInto('alerts').values(cancelRow(cancel)).execute();
    });
  }

  /**
   * Withdraws an alert's whole chain from its audience and records the Cancel, in one transaction;
   * answers the ids withdrawn. The Cancel stays served: it says nothing of the cause.
   */
  async withdraw(alert: Alert, cancel: AlertCancel): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const withdrawn = await trx
        .updateTable('alerts')
        .set({ withdrawnAt: cancel.createdAt })
        .where('audience', '=', alert.audience)
        .where('chainId', '=', chainOf(alert))
        .where('msgType', '!=', 'Cancel')
        .where('withdrawnAt', 'is', null)
        .returning('id')
        .execute();
      await trx.insertInto('alerts').values(cancelRow(cancel)).execute();
      return withdrawn.map((row) => row.id);
    });
  }

  /**
   * Withdraws from an audience what is left of a cause's closed chains (alerts and Updates already
   * cancelled, e.g. once refuted) when the cause leaves its view; answers the ids withdrawn.
   */
  async withdrawClosedAbout(audience: NationCode, cause: { kind: string; id: string }, at: string): Promise<string[]> {
    const rows = await this.db
      .updateTable('alerts')
      .set({ withdrawnAt: at })
      .where('audience', '=', audience)
      .where('causeKind', '=', cause.kind)
      .where('causeId', '=', cause.id)
      .where('msgType', '!=', 'Cancel')
      .where('withdrawnAt', 'is', null)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /**
   * What the node tells its population: the messages this node's nation may publish (see
   * `mayReachPopulation`), whole chains, newest first; withdrawn ones never.
   */
  async forPopulation(nodeNation: NationCode, limit: number): Promise<AlertMessage[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where(derivedFor(nodeNation))
      .where('population', '=', 1)
      .where('withdrawnAt', 'is', null)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  /** A message of the nation's own audience, in force. */
  async findFor(id: string, nation: NationCode): Promise<AlertMessage | undefined> {
    const row = await this.db
      .selectFrom('alerts')
      .selectAll()
      .where('id', '=', id)
      .where(derivedFor(nation))
      .where('withdrawnAt', 'is', null)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** The nation's alerts in force and the Cancels it was sent (with `withSuperseded`, the replaced ones too), newest first. */
  async listFor(nation: NationCode, query: AlertQuery): Promise<(AlertMessage & { acknowledgements: AlertAcknowledgement[] })[]> {
    let q = this.db.selectFrom('alerts').selectAll().where(derivedFor(nation)).where('withdrawnAt', 'is', null);
    if (!query.withSuperseded) q = q.where('supersededAt', 'is', null);
    if (query.since) q = q.where('createdAt', '>=', query.since);
    if (query.publicOnly) q = q.where('public', '=', 1);
    if (query.unacknowledgedBy) {
      const user = query.unacknowledgedBy;
      q = q.where((eb) =>
        eb.not(eb.exists(eb.selectFrom('alertAcknowledgements as k').select('k.alertId').whereRef('k.alertId', '=', 'alerts.id').where('k.userId', '=', user))),
      );
    }
    const rows = await q.orderBy('seq', 'desc').limit(query.limit).execute();
    if (rows.length === 0) return [];
    const acks = await this.db
      .selectFrom('alertAcknowledgements')
      .selectAll()
      .where(
        'alertId',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('at')
      .execute();
    return rows.map((r) => ({ ...fromRow(r), acknowledgements: acks.filter((a) => a.alertId === r.id) }));
  }

  /** Records the user's acknowledgement once; a second one keeps the first time. */
  async acknowledge(ack: AlertAcknowledgement): Promise<AlertAcknowledgement[]> {
    await this.db
      .insertInto('alertAcknowledgements')
      .values(ack)
      .onConflict((oc) => oc.columns(['alertId', 'userId']).doNothing())
      .execute();
    return this.db.selectFrom('alertAcknowledgements').selectAll().where('alertId', '=', ack.alertId).orderBy('at').execute();
  }
}

function alertRow(alert: Alert) {
  return {
    id: alert.id,
    msgType: alert.msgType,
    chainId: chainOf(alert),
    referencesJson: alert.references ? JSON.stringify(alert.references) : null,
    population: alert.population ? 1 : 0,
    audience: alert.audience,
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

function cancelRow(cancel: AlertCancel) {
  const [reference] = cancel.references;
  return {
    id: cancel.id,
    msgType: 'Cancel',
    chainId: chainOf(cancel),
    referencesJson: JSON.stringify(cancel.references),
    population: cancel.population ? 1 : 0,
    audience: cancel.audience,
    owner: cancel.owner,
    releasableTo: writeStringArray(cancel.releasableTo),
    version: cancel.version,
    createdAt: cancel.createdAt,
    updatedAt: cancel.updatedAt,
    // Unique among Cancels: one per chain.
    dedupKey: `cancel:${chainOf(cancel)}`,
    public: cancel.public ? 1 : 0,
    referencesId: reference!.identifier,
    referencesSent: reference!.sent,
  };
}

function fromRow(row: Selectable<AlertTable>): AlertMessage {
  const common = {
    id: row.id,
    audience: row.audience,
    owner: row.owner,
    releasableTo: readStringArray(row.releasableTo),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    public: row.public === 1,
    population: row.population === 1,
  };
  const references: AlertReference[] = row.referencesJson
    ? (JSON.parse(row.referencesJson) as AlertReference[])
    : row.referencesId
      ? [{ identifier: row.referencesId, sent: row.referencesSent ?? '' }]
      : [];
  if (row.msgType === 'Cancel') return { ...common, msgType: 'Cancel', references };
  return {
    ...common,
    msgType: row.msgType === 'Update' ? 'Update' : 'Alert',
    ...(row.msgType === 'Update' ? { references } : {}),
    rule: row.ruleId ?? '',
    ruleKind: row.ruleKind as AlertRuleKind,
    dedupKey: row.dedupKey,
    severity: row.severity as ThreatLevel,
    cause: { kind: row.causeKind as Alert['cause']['kind'], id: row.causeId ?? '' },
    at: row.at ?? row.createdAt,
    section: row.section,
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    distanceKm: row.distanceKm,
    eventType: row.eventType,
    headline: { fr: row.headlineFr ?? '', en: row.headlineEn ?? '' },
  };
}
