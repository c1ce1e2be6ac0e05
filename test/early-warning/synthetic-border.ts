import type { LineString, LonLat } from '../../src/kernel/geojson.js';
import type { SectionLine } from '../../src/domain/coverage.js';
import type { Axis } from '../../src/domain/patrol-recommendation.js';

/**
 * A straight east–west border along latitude 14° N from 12° W to 11° W (about 108 km), cut into
 * four sections of a quarter degree (about 27 km) each: S1 westmost … S4 eastmost.
 */
export const line = (...points: LonLat[]): LineString => ({ type: 'LineString', coordinates: points });

export const SECTIONS: SectionLine[] = [
  { id: 'S1', geometry: line([-12.0, 14.0], [-11.75, 14.0]) },
  { id: 'S2', geometry: line([-11.75, 14.0], [-11.5, 14.0]) },
  { id: 'S3', geometry: line([-11.5, 14.0], [-11.25, 14.0]) },
  { id: 'S4', geometry: line([-11.25, 14.0], [-11.0, 14.0]) },
];

/** A road 5.5 km north of the border along its whole length, a north–south track, a far road. */
export const AXES: Axis[] = [
  { id: 'A', name: 'Route frontalière', geometry: line([-12.0, 14.05], [-11.5, 14.05], [-11.0, 14.05]) },
  { id: 'B', name: 'Piste nord-sud', geometry: line([-11.625, 14.5], [-11.625, 14.02]) },
  { id: 'C', name: 'Route du nord', geometry: line([-12.0, 15.0], [-11.0, 15.0]) },
];
