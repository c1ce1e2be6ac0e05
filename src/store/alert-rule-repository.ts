import type { Kysely } from 'kysely';
import type { StoredAlertRule } from '../domain/alert.js';
import type { AlertRule } from '../domain/alert-rules.js';
import { readStringArray, writeStringArray } from './columns.js';
import type { Database } from './schema.js';

/** The node's alert rules, oldest first. */
export class AlertRuleRepository {
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

  /** Switches a rule on or off; undefined when there is no such rule. */
  async setRuleEnabled(id: string, enabled: boolean): Promise<StoredAlertRule | undefined> {
    const row = await this.db.selectFrom('alertRules').select('definition').where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const rule = { ...(JSON.parse(row.definition) as AlertRule), enabled };
    await this.db
      .updateTable('alertRules')
      .set({ definition: JSON.stringify(rule) })
      .where('id', '=', id)
      .execute();
    return (await this.rules()).find((r) => r.rule.id === id);
  }
}
