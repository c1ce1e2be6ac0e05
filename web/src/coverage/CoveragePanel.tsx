import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCoverage } from '../api/endpoints';
import type { Coverage, Unit, User } from '../api/types';
import { formatDateTime, formatNumber } from '../i18n/format';
import { THREAT_COLOURS } from '../map/palette';
import { can } from '../session/permissions';
import { Recommendations } from './Recommendations';
import { DAY_MS } from '../../../src/kernel/durations.js';

interface CoveragePanelProps {
  user: User;
  nations: readonly string[];
  units: readonly Unit[];
  /** Moves when levels change: coverage is read again. */
  revision: number;
  /** The sections in a coverage gap, for the map to mark (null: none shown). */
  onGaps: (sections: string[] | null) => void;
  onOpenSection: (id: string) => void;
  onDrafted: (patrolId: string) => void;
}

/**
 * When each section was last patrolled, as the officer's nation sees it (its levels, the patrols
 * and positions released to it), longest neglected first; sections at medium or above left too
 * long are gaps, also marked on the map. Planners turn the gaps into joint patrol proposals.
 */
export function CoveragePanel({ user, nations, units, revision, onGaps, onOpenSection, onDrafted }: CoveragePanelProps) {
  const { t, i18n } = useTranslation();
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchCoverage().then(
      (found) => {
        if (!live) return;
        setCoverage(found);
        onGaps(found.gaps.map((gap) => gap.section));
      },
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [revision, onGaps]);
  useEffect(() => () => onGaps(null), [onGaps]);

  const gapIds = useMemo(() => new Set(coverage?.gaps.map((gap) => gap.section)), [coverage]);
  const rows = useMemo(() => {
    if (!coverage) return [];
    const now = Date.parse(coverage.at);
    const gaps = new Set(coverage.gaps.map((gap) => gap.section));
    // The gaps first, then the longest neglected (never patrolled before all).
    return coverage.sections
      .map((section) => ({ ...section, days: section.at ? (now - Date.parse(section.at)) / DAY_MS : null }))
      .sort(
        (a, b) =>
          Number(gaps.has(b.section)) - Number(gaps.has(a.section)) || (b.days ?? Infinity) - (a.days ?? Infinity) || a.section.localeCompare(b.section),
      );
  }, [coverage]);

  return (
    <div className="coverage-panel">
      <div className="panel-toolbar">
        <h2>{t('coverage.title')}</h2>
        {coverage && (
          <span className="hint" data-testid="coverage-gaps">
            {t('coverage.gaps', { count: coverage.gaps.length, days: coverage.days })}
          </span>
        )}
      </div>
      {failure && <p className="form-error">{t('error.loading', { message: failure })}</p>}
      {coverage && (
        <>
          <p className="hint">{t('coverage.explain', { days: coverage.days })}</p>
          <div className="table-scroll">
            <table className="coverage-table" data-testid="coverage-table">
              <thead>
                <tr>
                  <th scope="col">{t('coverage.section')}</th>
                  <th scope="col">{t('coverage.level')}</th>
                  <th scope="col">{t('coverage.since')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.section} className={gapIds.has(row.section) ? 'gap' : undefined} data-section={row.section}>
                    <td>
                      <button type="button" className="link" onClick={() => onOpenSection(row.section)}>
                        {row.section}
                      </button>
                      {gapIds.has(row.section) && <span className="gap-chip">{t('coverage.gap')}</span>}
                    </td>
                    <td>
                      <span className="swatch dot" style={{ background: THREAT_COLOURS[row.level] }} aria-hidden="true" />
                      {t(`threat.${row.level}`)}
                    </td>
                    <td title={row.at ? formatDateTime(row.at, i18n.language) : undefined}>
                      {row.days === null
                        ? t('coverage.never')
                        : t('coverage.days', { count: Math.floor(row.days), value: formatNumber(Math.floor(row.days), i18n.language, 0) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {can(user, 'patrol.create') && <Recommendations nations={nations} units={units} onDrafted={onDrafted} />}
    </div>
  );
}
