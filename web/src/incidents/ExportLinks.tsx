import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, exportPath, exportUrl, fetchApiPaths, type ExportFormat, type IncidentQuery } from '../api/endpoints';

// The API document is read once per page: it says which exports this node offers.
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
 * list is limited to it): CSV in ACLED's columns, GeoJSON or KML. A node whose API document does
 * not list an export does not show its link.
 */
export function ExportLinks({ query, bbox }: { query: IncidentQuery; bbox: string | null }) {
  const { t } = useTranslation();
  const [formats, setFormats] = useState<ExportFormat[]>([]);
  useEffect(() => {
    let live = true;
    void offeredFormats().then((found) => live && setFormats(found));
    return () => {
      live = false;
    };
  }, []);
  if (formats.length === 0) return null;
  const filters = bbox ? { ...query, bbox } : query;
  return (
    <p className="export-links" data-testid="export-links">
      <span>{t('exportList.label')}</span>
      {formats.map((format) => (
        <a key={format} className="button quiet" href={exportUrl(format, filters)} download data-format={format}>
          {t(`exportList.${format}`)}
        </a>
      ))}
    </p>
  );
}
