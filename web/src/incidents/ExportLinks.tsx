import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, exportPath, exportUrl, fetchApiPaths, type ExportFormat, type IncidentQuery } from '../api/endpoints';

// The API document says which exports this node offers; it is read once, when first wanted (its
// first reading costs the node a moment, which the first picture must not wait for).
let offered: Promise<ExportFormat[]> | undefined;
function offeredFormats(): Promise<ExportFormat[]> {
  offered ??= fetchApiPaths().then(
    (paths) => EXPORT_FORMATS.filter((format) => paths.includes(exportPath(format))),
    () => {
      offered = undefined;
      return [];
    },
  );
  return offered;
}

/**
 * The listed incidents as a file, with the list's filters (the visible area included when the
 * list is limited to it): CSV in ACLED's columns, GeoJSON or KML — the formats this node's API
 * offers. A plain link: the session cookie authenticates it and the browser saves the file.
 */
export function ExportLinks({ query, bbox }: { query: IncidentQuery; bbox: string | null }) {
  const { t } = useTranslation();
  const [formats, setFormats] = useState<ExportFormat[] | null>(null);
  const filters = bbox ? { ...query, bbox } : query;
  return (
    <details
      className="export-links"
      data-testid="export-links"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open && formats === null) void offeredFormats().then(setFormats);
      }}
    >
      <summary>{t('exportList.label')}</summary>
      {formats === null ? (
        <span className="hint">{t('list.loading')}</span>
      ) : formats.length === 0 ? (
        <span className="hint">{t('exportList.none')}</span>
      ) : (
        formats.map((format) => (
          <a key={format} className="button quiet" href={exportUrl(format, filters)} download data-format={format}>
            {t(`exportList.${format}`)}
          </a>
        ))
      )}
    </details>
  );
}
