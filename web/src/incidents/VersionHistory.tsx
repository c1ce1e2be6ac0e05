import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchIncidentVersions } from '../api/endpoints';
import type { IncidentVersion } from '../api/types';
import { formatDateTime, formatNumber } from '../i18n/format';
import { eventTypeLabel, subEventTypeLabel } from '../i18n/taxonomy';

type Shown = IncidentVersion['incident'];

/** What changed from one version to the next, field by field, as an officer reads it. */
function changes(before: Shown, after: Shown, t: (key: string, options?: Record<string, unknown>) => string, language: string): string[] {
  const count = (value: number | null) => (value === null ? t('incident.unknown') : formatNumber(value, language, 0));
  const lines: string[] = [];
  const changed = (label: string, from: string, to: string) => {
    if (from !== to) lines.push(t('versions.change', { field: label, from, to }));
  };
  changed(t('incident.status'), t(`status.${before.status}`), t(`status.${after.status}`));
  changed(t('incident.eventType'), eventTypeLabel(before.eventType, language), eventTypeLabel(after.eventType, language));
  changed(t('incident.subEventType'), subEventTypeLabel(before.subEventType, language), subEventTypeLabel(after.subEventType, language));
  changed(t('incident.occurredAt'), formatDateTime(before.occurredAt, language), formatDateTime(after.occurredAt, language));
  changed(t('incident.place'), before.placeName ?? '—', after.placeName ?? '—');
  for (const field of ['fatalities', 'injured', 'abducted'] as const) changed(t(`incident.${field}`), count(before[field]), count(after[field]));
  changed(t('incident.actors'), before.actors.join(', ') || '—', after.actors.join(', ') || '—');
  changed(t('release.label'), before.releasableTo.join(', ') || t('nation.national'), after.releasableTo.join(', ') || t('nation.national'));
  if (before.location.lat !== after.location.lat || before.location.lon !== after.location.lon) lines.push(t('versions.moved'));
  if (before.narrative !== after.narrative) lines.push(t('versions.narrative'));
  if (JSON.stringify(before.source) !== JSON.stringify(after.source)) lines.push(t('versions.source'));
  return lines;
}

/**
 * The incident's versions the officer may read, newest first, each with who recorded it and what
 * it changed. A partner's officer sees only the versions released to its nation.
 */
export function VersionHistory({ id, version }: { id: string; version: number }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<IncidentVersion[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchIncidentVersions(id).then(
      (found) => live && setVersions(found),
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [id, version]);

  return (
    <section className="version-history" aria-labelledby={`versions-${id}`}>
      <h3 id={`versions-${id}`}>{t('versions.title')}</h3>
      {failure && <p className="form-error">{t('error.loading', { message: failure })}</p>}
      {versions && (
        <ol reversed data-testid="incident-versions">
          {[...versions].reverse().map((entry, index, newestFirst) => {
            const previous = newestFirst[index + 1];
            const author = entry.recordedBy
              ? t('versions.by', { name: entry.recordedBy.displayName, username: entry.recordedBy.username, nation: entry.recordedBy.nation })
              : t('versions.byNode', { nation: entry.incident.owner });
            const lines = previous ? changes(previous.incident, entry.incident, t, i18n.language) : [];
            return (
              <li key={entry.version} data-version={entry.version}>
                <p className="row-meta">
                  <strong>{t('versions.version', { version: entry.version })}</strong> · {formatDateTime(entry.recordedAt, i18n.language)} · {author}
                </p>
                {previous ? (
                  lines.length > 0 ? (
                    <ul>
                      {lines.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="hint">{t('versions.nothingShown')}</p>
                  )
                ) : (
                  <p className="hint">{entry.version === 1 ? t('versions.recorded') : t('versions.firstSeen')}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
