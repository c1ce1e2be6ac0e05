import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THREAT_LEVELS } from '../api/types';
import { eventTypeLabel } from '../i18n/taxonomy';
import { AXIS_COLOUR, BORDER_COLOUR, COVERAGE_STEPS, EVENT_TYPE_COLOURS, POST_COLOUR, ROUTE_COLOUR, THREAT_COLOURS, TRACK_COLOUR } from './palette';

export function Legend() {
  const { t, i18n } = useTranslation();
  // Open, the legend hides a corner of the map and the incidents in it: it starts folded, a button
  // the officer opens when needed (and folds again).
  const [open, setOpen] = useState(false);
  return (
    <section className={`legend${open ? ' open' : ''}`} aria-label={t('map.legend')}>
      <button type="button" className="legend-toggle" aria-expanded={open} aria-controls="map-legend" onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('map.legend')}
      </button>
      {open && (
        <div className="legend-body" id="map-legend">
          <h3>{t('map.threat')}</h3>
          <ul>
            {THREAT_LEVELS.map((level) => (
              <li key={level}>
                <span className="swatch line" style={{ background: THREAT_COLOURS[level] }} />
                {t(`threat.${level}`)}
              </li>
            ))}
          </ul>
          <h3>{t('map.eventTypes')}</h3>
          <ul>
            {Object.entries(EVENT_TYPE_COLOURS).map(([eventType, colour]) => (
              <li key={eventType}>
                <span className="swatch dot" style={{ background: colour }} />
                {eventTypeLabel(eventType, i18n.language)}
              </li>
            ))}
          </ul>
          <ul>
            <li>
              <span className="swatch thin" style={{ background: BORDER_COLOUR }} />
              {t('map.border')}
            </li>
            <li>
              <span className="swatch dashed" style={{ borderColor: AXIS_COLOUR }} />
              {t('map.axis')}
            </li>
            <li>
              <span className="swatch ring" style={{ borderColor: POST_COLOUR }} />
              {t('map.post')}
            </li>
            <li>
              <span className="swatch line" style={{ background: ROUTE_COLOUR }} />
              {t('map.route')}
            </li>
            <li>
              <span className="swatch dashed" style={{ borderColor: TRACK_COLOUR }} />
              {t('map.track')}
            </li>
          </ul>
          <h3>{t('map.coverage')}</h3>
          <ul data-testid="coverage-legend">
            {COVERAGE_STEPS.map((step, i) => {
              const next = COVERAGE_STEPS[i + 1];
              return (
                <li key={step.from}>
                  <span className="swatch dot" style={{ background: step.colour }} />
                  {next ? t('map.coverageRange', { from: step.from, to: next.from - 1 }) : t('map.coverageFrom', { from: step.from })}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
