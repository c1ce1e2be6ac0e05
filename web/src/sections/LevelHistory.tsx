import { useTranslation } from 'react-i18next';
import type { SectionHistoryEntry } from '../api/types';
import { formatDateTime, formatNumber } from '../i18n/format';
import { THREAT_COLOURS } from '../map/palette';

/** Level changes of a section, newest first, with what caused each (computation or override). */
export function LevelHistory({ entries }: { entries: readonly SectionHistoryEntry[] }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <p className="hint">{t('section.noHistory')}</p>;
  const newestFirst = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="level-history" data-testid="level-history">
      {newestFirst.map((entry) => (
        <li key={`${entry.at}-${entry.to}-${entry.source}`}>
          <span className="swatch dot" style={{ background: THREAT_COLOURS[entry.to] }} aria-hidden="true" />
          <strong>{entry.from ? `${t(`threat.${entry.from}`)} → ${t(`threat.${entry.to}`)}` : t(`threat.${entry.to}`)}</strong>
          <span className="row-meta">
            {' '}
            {formatDateTime(entry.at, i18n.language)} · {t(`section.sources.${entry.source}`, { defaultValue: entry.source })} ·{' '}
            {t('section.scoreValue', { value: formatNumber(entry.score, i18n.language, 2) })}
          </span>
          {entry.reason && <p className="history-reason">« {entry.reason} »</p>}
        </li>
      ))}
    </ol>
  );
}
