import type { TFunction } from 'i18next';
import type { AlertRuleDefinition } from '../api/types';
import { formatNumber } from '../i18n/format';
import { eventTypeLabel } from '../i18n/taxonomy';

/** One line saying what a rule watches, in the officer's language. */
export function ruleSummary(rule: AlertRuleDefinition, t: TFunction, language: string): string {
  const types = (rule.eventTypes ?? []).map((code) => eventTypeLabel(code, language)).join(', ');
  switch (rule.kind) {
    case 'incident-near':
      return t('rules.summary.near', {
        types,
        km: formatNumber(rule.withinKm ?? 0, language),
        target: t(`rules.targets.${rule.target?.kind ?? 'axis'}`),
        name: rule.target?.name ?? rule.target?.id ?? '',
      });
    case 'level-rising':
      return t('rules.summary.level', {
        level: t(`threat.${rule.minLevel ?? 'medium'}`),
        sections: rule.sections?.length ? rule.sections.join(', ') : t('rules.allSections'),
      });
    case 'patrol-overdue':
      return t('rules.summary.overdue', { minutes: formatNumber(rule.graceMinutes ?? 0, language, 0) });
    case 'news-severity':
      return t('rules.summary.news', { level: t(`threat.${rule.minSeverity ?? 'high'}`), types: types || t('rules.anyType') });
  }
}
