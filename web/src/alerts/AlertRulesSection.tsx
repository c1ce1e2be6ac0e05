import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAlertRules, switchAlertRule } from '../api/endpoints';
import type { StoredAlertRule } from '../api/types';
import { useLoadedList } from '../api/useLoadedList';
import { ListStatus } from '../shell/ListStatus';
import { ReleaseBadge } from '../shell/ReleaseBadge';
import { AlertRuleForm, type RuleChoices } from './AlertRuleForm';
import { ruleSummary } from './ruleSummary';
import { useSwitch } from './useSwitch';

interface AlertRulesSectionProps extends RuleChoices {
  nation: string;
}

/**
 * The node's alert rules, each switched on or off in place, and a form for a new one. A rule is
 * never deleted: the alerts it raised name it.
 */
export function AlertRulesSection({ nation, ...choices }: AlertRulesSectionProps) {
  const { t, i18n } = useTranslation();
  const rules = useLoadedList(fetchAlertRules);
  const [adding, setAdding] = useState(false);
  const { switching, failure, flip } = useSwitch<StoredAlertRule>({
    list: rules,
    idOf: (stored) => stored.rule.id,
    switched: (stored, enabled) => ({ ...stored, rule: { ...stored.rule, enabled } }),
    send: (stored, enabled) => switchAlertRule(stored.rule.id, enabled),
    failed: t('rules.failed'),
  });

  return (
    <section className="alert-rules" aria-labelledby="alert-rules-title">
      <div className="panel-toolbar">
        <h3 id="alert-rules-title">{t('rules.title')}</h3>
        {!adding && (
          <button type="button" data-verb="alert.rules" onClick={() => setAdding(true)}>
            {t('rules.new')}
          </button>
        )}
      </div>
      <ListStatus list={rules} failure={failure} empty={t('rules.empty')} />
      <ul className="rule-list">
        {rules.items.map((stored) => {
          const { rule, public: isPublic, releasableTo } = stored;
          const enabled = rule.enabled !== false;
          return (
            <li key={rule.id} className={`rule-row${enabled ? '' : ' disabled'}`} data-rule-id={rule.id}>
              <div className="rule-main">
                <strong>{rule.id}</strong> · {t(`alerts.kinds.${rule.kind}`)}
                {isPublic && <span className="public-chip">{t('rules.publicShort')}</span>}
                <ReleaseBadge owner={nation} releasableTo={releasableTo} />
              </div>
              <p className="row-meta">{ruleSummary(rule, t, i18n.language)}</p>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={enabled}
                  data-verb="alert.rules"
                  disabled={switching === rule.id}
                  onChange={(event) => void flip(stored, event.target.checked)}
                />
                {t('rules.enabled')}
              </label>
            </li>
          );
        })}
      </ul>
      {adding && (
        <AlertRuleForm
          {...choices}
          onAdded={(rule) => {
            rules.setItems((current) => [...current, rule]);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </section>
  );
}
