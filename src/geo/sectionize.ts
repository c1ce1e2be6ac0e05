import { length } from '@turf/length';
import { lineSliceAlong } from '@turf/line-slice-along';
import type { NationCode } from '../kernel/nation.js';
import type { Border } from './border.js';
import type { LineString, LonLat } from '../kernel/geojson.js';

/** A stretch of a border with a stable id (`ML-SN-07`); point records are attributed to it. */
export interface Section {
  /** `${borderId}-${NN}`, numbered from 01 along the border's fixed orientation. */
  id: string;
  borderId: string;
  /** 1-based position along the border. */
  index: number;
  nations: [NationCode, NationCode];
  /** Distance from the start of the border to the start of this section. */
  startKm: number;
  lengthKm: number;
  geometry: LineString;
}

export interface SectionizeOptions {
  sectionKm?: number;
}

export const DEFAULT_SECTION_KM = 25;
/** Shorter sections would split a single village's surroundings; longer would cover a region. */
export const MIN_SECTION_KM = 1;
export const MAX_SECTION_KM = 1000;

export function sectionId(borderId: string, index: number): string {
  return `${borderId}-${String(index).padStart(2, '0')}`;
}

/**
 * Cuts a border into consecutive sections of `sectionKm` (the last piece of each line shorter).
 * The border's orientation is fixed by computeBorder, so the same border and length give the
 * same ids on every node and every run.
 */
export function sectionize(border: Border, options: SectionizeOptions = {}): Section[] {
  const sectionKm = options.sectionKm ?? DEFAULT_SECTION_KM;
  if (!Number.isFinite(sectionKm) || sectionKm < MIN_SECTION_KM || sectionKm > MAX_SECTION_KM) {
    throw new RangeError(`section length must be between ${MIN_SECTION_KM} and ${MAX_SECTION_KM} km, got ${String(sectionKm)}`);
  }
  const lines: LonLat[][] = border.geometry.type === 'LineString' ? [border.geometry.coordinates as LonLat[]] : (border.geometry.coordinates as LonLat[][]);

  const sections: Section[] = [];
  let offsetKm = 0;
  for (const coordinates of lines) {
    const line: LineString = { type: 'LineString', coordinates };
    const lineKm = length({ type: 'Feature', properties: {}, geometry: line }, { units: 'kilometers' });
    // A tail of a few floating-point ulps is not a section of its own.
    const count = Math.max(1, Math.ceil(lineKm / sectionKm - 1e-9));
    for (let i = 0; i < count; i++) {
      const fromKm = i * sectionKm;
      const toKm = i === count - 1 ? lineKm : (i + 1) * sectionKm;
      const piece = lineSliceAlong(line, fromKm, toKm, { units: 'kilometers' }).geometry;
      const index = sections.length + 1;
      sections.push({
        id: sectionId(border.id, index),
        borderId: border.id,
        index,
        nations: [border.nations[0], border.nations[1]],
        startKm: offsetKm + fromKm,
        lengthKm: toKm - fromKm,
        geometry: { type: 'LineString', coordinates: piece.coordinates },
      });
    }
    offsetKm += lineKm;
  }
  return sections;
}
