import type { StoredAlertRule } from '../domain/alert.js';
import { validateAlertRule } from '../domain/alert-rules.js';
import { fieldErrorToDiboli } from '../domain/early-warning-config.js';
import { DiboliError } from '../domain/errors.js';
import type { NationCode } from '../kernel/nation.js';
import { requireVerb } from '../domain/permissions.js';
import { isVisibleTo, releasabilityOf, requireWritableHere } from '../domain/sovereignty.js';
import type { Actor } from '../domain/user.js';
import type { AlertRuleRepository } from '../store/alert-rule-repository.js';
import type { NodeContext } from './node-context.js';

/**
 * The node's alert rules. A rule is a record of the host nation: its releasability names the
 * partners its alerts may be raised for, and who may read the rule.
 */
export class AlertRuleService {
  constructor(
    private readonly node: NodeContext,
    readonly repo: AlertRuleRepository,
  ) {}

  /** May the rule raise alerts for this audience (the host nation always, a partner when released to it)? */
  releasesTo(rule: StoredAlertRule, audience: NationCode): boolean {
    return isVisibleTo({ owner: this.node.nation, releasableTo: rule.releasableTo }, audience);
  }

  async list(actor: Actor): Promise<StoredAlertRule[]> {
    return (await this.repo.rules()).filter((rule) => this.releasesTo(rule, actor.nation));
  }

  async add(actor: Actor, input: Record<string, unknown>): Promise<StoredAlertRule> {
    requireVerb(actor, 'alert.rules');
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
    const { public: isPublic, releasableTo, ...definition } = input;
    const resolved = await this.resolveTarget(definition);
    const checked = validateAlertRule(resolved);
    if (!checked.ok) throw fieldErrorToDiboli(checked.errors);
    if (await this.repo.ruleExists(checked.value.id)) throw new DiboliError('ERR_ALERT_RULE_EXISTS', { value: checked.value.id }, 'id');
    const stored: StoredAlertRule = {
      rule: checked.value,
      public: isPublic === true,
      releasableTo: releasabilityOf(this.node.mechanism, this.node.nation, 'incident', Array.isArray(releasableTo) ? (releasableTo as string[]) : undefined),
      createdAt: this.node.clock.now().toISOString(),
      createdBy: actor.userId,
    };
    await this.repo.insertRule(stored);
    return stored;
  }

  async setEnabled(actor: Actor, id: string, enabled: boolean): Promise<StoredAlertRule> {
    requireVerb(actor, 'alert.rules');
    requireWritableHere({ owner: this.node.nation }, this.node.nation, actor.nation);
    const updated = await this.repo.setRuleEnabled(id, enabled);
    if (!updated) throw new DiboliError('ERR_NOT_FOUND', { kind: 'alert rule', id });
    return updated;
  }

  /** A rule may name its target by id only (axis, section, post): the geometry is looked up here. */
  private async resolveTarget(definition: Record<string, unknown>): Promise<Record<string, unknown>> {
    const target = definition.target as Record<string, unknown> | undefined;
    if (definition.kind !== 'incident-near' || !target || typeof target !== 'object' || target.geometry !== undefined) return definition;
    const id = String(target.id ?? '');
    let found: { name: string; geometry: unknown } | undefined;
    if (target.kind === 'axis') found = (await this.node.repos.geography.axes()).find((a) => a.id === id);
    else if (target.kind === 'section')
      found = (await this.node.repos.geography.sections()).map((s) => ({ name: s.id, geometry: s.geometry, id: s.id })).find((s) => s.id === id);
    else if (target.kind === 'post') {
      const post = (await this.node.repos.organisation.postsVisibleTo(this.node.nation)).find((p) => p.id === id);
      if (post) found = { name: post.name, geometry: { type: 'Point', coordinates: [post.location.lon, post.location.lat] } };
    }
    if (!found) throw new DiboliError('ERR_NOT_FOUND', { kind: String(target.kind), id }, 'target.id');
    return { ...definition, target: { kind: target.kind, id, name: typeof target.name === 'string' ? target.name : found.name, geometry: found.geometry } };
  }
}
