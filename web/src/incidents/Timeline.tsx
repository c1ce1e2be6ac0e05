import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../i18n/format';
import { incidentBars, type DayCount } from './view';

const HEIGHT = 40;

/**
 * Small histogram of the listed incidents over the list's own period (the filter's dates, or the
 * first to the last incident): per day, or per week or month when the period is long. A bar's
 * title gives its dates and count. The node counts them per day (every matching incident, not
 * only those the list holds).
 */
export function Timeline({ perDay, from, to }: { perDay: readonly DayCount[]; from: string | null; to: string | null }) {
  const { t, i18n } = useTranslation();
  const { unit, bars, first, last } = useMemo(() => incidentBars(perDay, from, to), [perDay, from, to]);
  if (bars.length === 0) return null;
  const highest = Math.max(...bars.map((bar) => bar.count));
  const width = 100 / bars.length;
  const caption = t(`timeline.per.${unit}`);
  return (
    <figure className="timeline" data-testid="timeline" data-unit={unit} data-from={first} data-to={last}>
      <figcaption>{caption}</figcaption>
      <svg
        viewBox={`0 0 100 ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('timeline.summary', { caption, from: formatDay(first, i18n.language), to: formatDay(last, i18n.language) })}
      >
        {bars.map((bar, index) => {
          const height = highest ? (bar.count / highest) * HEIGHT : 0;
          return (
            <rect key={bar.day} x={index * width} y={HEIGHT - height} width={Math.max(width * 0.85, 0.2)} height={height}>
              <title>{t(unit === 'day' ? 'timeline.day' : 'timeline.from', { date: formatDay(bar.day, i18n.language), count: bar.count })}</title>
            </rect>
          );
        })}
      </svg>
      <div className="timeline-axis">
        <span>{formatDay(first, i18n.language)}</span>
        <span>{formatDay(last, i18n.language)}</span>
      </div>
    </figure>
  );
}
