import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentFeature } from '../api/types';
import { formatDay } from '../i18n/format';
import { incidentsPerDay } from './view';

const HEIGHT = 40;

/** Small histogram of incidents per day; a bar's title gives its day and count. */
export function Timeline({ incidents }: { incidents: readonly IncidentFeature[] }) {
  const { t, i18n } = useTranslation();
  const bars = useMemo(() => incidentsPerDay(incidents), [incidents]);
  if (bars.length === 0) return null;
  const highest = Math.max(...bars.map((bar) => bar.count));
  const width = 100 / bars.length;
  const first = bars[0];
  const last = bars[bars.length - 1];
  return (
    <figure className="timeline">
      <figcaption>{t('timeline.label')}</figcaption>
      <svg viewBox={`0 0 100 ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={t('timeline.label')}>
        {bars.map((bar, index) => {
          const height = highest ? (bar.count / highest) * HEIGHT : 0;
          return (
            <rect key={bar.day} x={index * width} y={HEIGHT - height} width={Math.max(width * 0.85, 0.2)} height={height}>
              <title>{t('timeline.day', { date: formatDay(bar.day, i18n.language), count: bar.count })}</title>
            </rect>
          );
        })}
      </svg>
      {first && last && (
        <div className="timeline-axis">
          <span>{formatDay(first.day, i18n.language)}</span>
          <span>{formatDay(last.day, i18n.language)}</span>
        </div>
      )}
    </figure>
  );
}
