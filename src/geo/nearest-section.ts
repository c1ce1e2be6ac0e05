import type { LineString, LonLat } from '../kernel/geojson.js';

import { EARTH_RADIUS_KM, haversineKm } from './great-circle.js';

const RAD = Math.PI / 180;
const KM_PER_DEG_LAT = EARTH_RADIUS_KM * RAD;

export const DEFAULT_BUFFER_KM = 30;

export interface SectionHit {
  sectionId: string;
  distanceKm: number;
}

/** What the index needs from a section; other polylines (country outlines) fit too. */
export interface IndexedLine {
  id: string;
  geometry: LineString;
}

export interface SectionIndexOptions {
  /** Points further than this from every section belong to none. */
  bufferKm?: number;
}

/** Grid cell edge in degrees; small enough that a cell sees few sections. */
const CELL_DEG = 0.25;
const MAX_CELLS = 1 << 20;

/**
 * Attributes points to the nearest section within a buffer. Built once; `nearest` is called for
 * every stored point (position reports arrive by tens of thousands per second), so the look-up
 * does no allocation besides its result and no trigonometry besides one cosine and a final
 * haversine: candidates come from a coarse grid of buffer-expanded bounding boxes, and
 * point-to-segment distances use an equirectangular projection centred on the point, whose error
 * over a few tens of kilometres is far below a tenth of a percent at Sahel latitudes.
 * Longitudes are not wrapped at the antimeridian.
 */
export class SectionIndex {
  readonly bufferKm: number;
  private readonly ids: string[];
  /** Vertices of all lines, [lon, lat] pairs one after another. */
  private readonly coords: Float64Array;
  /** Vertex range [start, end) of line i at 2i, 2i+1. */
  private readonly ranges: Int32Array;
  /** Tight bounding box of line i at 4i: minLon, minLat, maxLon, maxLat. */
  private readonly boxes: Float64Array;
  private readonly gridMinLon: number;
  private readonly gridMinLat: number;
  private readonly gridCols: number;
  private readonly gridRows: number;
  private readonly cellDeg: number;
  /** Lines whose buffered box touches cell c: cellLines[cellStart[c] .. cellStart[c + 1]). */
  private readonly cellStart: Int32Array;
  private readonly cellLines: Int32Array;

  constructor(lines: readonly IndexedLine[], options: SectionIndexOptions = {}) {
    const bufferKm = options.bufferKm ?? DEFAULT_BUFFER_KM;
    if (!Number.isFinite(bufferKm) || bufferKm < 0) {
      throw new RangeError(`buffer must be a finite distance ≥ 0 km, got ${String(bufferKm)}`);
    }
    this.bufferKm = bufferKm;
    this.ids = lines.map((l) => l.id);
    const vertexCount = lines.reduce((n, l) => n + l.geometry.coordinates.length, 0);
    this.coords = new Float64Array(vertexCount * 2);
    this.ranges = new Int32Array(lines.length * 2);
    this.boxes = new Float64Array(lines.length * 4);
    const buffered = new Float64Array(lines.length * 4);
    const bufferLat = bufferKm / KM_PER_DEG_LAT;
    let v = 0;
    let minLon = Infinity;
    let minLat = Infinity;
    let maxLon = -Infinity;
    let maxLat = -Infinity;
    lines.forEach((line, i) => {
      this.ranges[2 * i] = v;
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (const position of line.geometry.coordinates) {
        const lon = position[0]!;
        const lat = position[1]!;
        this.coords[2 * v] = lon;
        this.coords[2 * v + 1] = lat;
        v++;
        if (lon < x0) x0 = lon;
        if (lon > x1) x1 = lon;
        if (lat < y0) y0 = lat;
        if (lat > y1) y1 = lat;
      }
      this.ranges[2 * i + 1] = v;
      this.boxes.set([x0, y0, x1, y1], 4 * i);
      // A degree of longitude is shortest on the poleward edge of the buffered box.
      const polewardLat = Math.min(89, Math.max(Math.abs(y0 - bufferLat), Math.abs(y1 + bufferLat)));
      const bufferLon = bufferKm / (KM_PER_DEG_LAT * Math.cos(polewardLat * RAD));
      buffered.set([x0 - bufferLon, y0 - bufferLat, x1 + bufferLon, y1 + bufferLat], 4 * i);
      if (line.geometry.coordinates.length > 0) {
        minLon = Math.min(minLon, x0 - bufferLon);
        minLat = Math.min(minLat, y0 - bufferLat);
        maxLon = Math.max(maxLon, x1 + bufferLon);
        maxLat = Math.max(maxLat, y1 + bufferLat);
      }
    });

    if (minLon > maxLon) {
      minLon = maxLon = minLat = maxLat = 0;
    }
    let cellDeg = CELL_DEG;
    while ((Math.floor((maxLon - minLon) / cellDeg) + 1) * (Math.floor((maxLat - minLat) / cellDeg) + 1) > MAX_CELLS) {
      cellDeg *= 2;
    }
    this.cellDeg = cellDeg;
    this.gridMinLon = minLon;
    this.gridMinLat = minLat;
    // floor + 1 keeps a point lying exactly on the far edge inside the grid.
    this.gridCols = Math.floor((maxLon - minLon) / cellDeg) + 1;
    this.gridRows = Math.floor((maxLat - minLat) / cellDeg) + 1;
    const cellCount = this.gridCols * this.gridRows;
    const perCell: number[][] = Array.from({ length: cellCount }, () => []);
    for (let i = 0; i < lines.length; i++) {
      if (this.ranges[2 * i + 1]! - this.ranges[2 * i]! === 0) continue;
      const c0 = this.col(buffered[4 * i]!);
      const r0 = this.row(buffered[4 * i + 1]!);
      const c1 = this.col(buffered[4 * i + 2]!);
      const r1 = this.row(buffered[4 * i + 3]!);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) perCell[r * this.gridCols + c]!.push(i);
      }
    }
    this.cellStart = new Int32Array(cellCount + 1);
    let total = 0;
    perCell.forEach((list, c) => {
      this.cellStart[c] = total;
      total += list.length;
    });
    this.cellStart[cellCount] = total;
    this.cellLines = new Int32Array(total);
    for (const [c, list] of perCell.entries()) this.cellLines.set(list, this.cellStart[c]!);
  }

  private col(lon: number): number {
    return Math.min(this.gridCols - 1, Math.max(0, Math.floor((lon - this.gridMinLon) / this.cellDeg)));
  }

  private row(lat: number): number {
    return Math.min(this.gridRows - 1, Math.max(0, Math.floor((lat - this.gridMinLat) / this.cellDeg)));
  }

  /** The nearest section within the buffer, or null. Ties go to the section listed first. */
  nearest(lonLat: LonLat): SectionHit | null {
    const lon = lonLat[0];
    const lat = lonLat[1];
    const c = Math.floor((lon - this.gridMinLon) / this.cellDeg);
    const r = Math.floor((lat - this.gridMinLat) / this.cellDeg);
    // The negated comparison also rejects NaN coordinates.
    if (!(c >= 0 && c < this.gridCols && r >= 0 && r < this.gridRows)) return null;
    const cell = r * this.gridCols + c;
    const from = this.cellStart[cell]!;
    const to = this.cellStart[cell + 1]!;
    if (from === to) return null;

    const ky = KM_PER_DEG_LAT;
    const kx = KM_PER_DEG_LAT * Math.cos(lat * RAD);
    // Slightly generous so that the exact distance below decides the edge cases.
    const reach = this.bufferKm * 1.01 + 1e-6;
    let bestSq = reach * reach;
    let best = -1;
    let bestX = 0;
    let bestY = 0;
    const coords = this.coords;
    const boxes = this.boxes;
    for (let k = from; k < to; k++) {
      const i = this.cellLines[k]!;
      // Distance from the point to the line's box bounds the distance to any of its segments.
      const bx = Math.max(boxes[4 * i]! - lon, 0, lon - boxes[4 * i + 2]!) * kx;
      const by = Math.max(boxes[4 * i + 1]! - lat, 0, lat - boxes[4 * i + 3]!) * ky;
      if (bx * bx + by * by >= bestSq) continue;
      const start = this.ranges[2 * i]!;
      const end = this.ranges[2 * i + 1]!;
      let ax = (coords[2 * start]! - lon) * kx;
      let ay = (coords[2 * start + 1]! - lat) * ky;
      if (end - start === 1) {
        const d = ax * ax + ay * ay;
        if (d < bestSq) {
          bestSq = d;
          best = i;
          bestX = ax;
          bestY = ay;
        }
        continue;
      }
      for (let j = start + 1; j < end; j++) {
        const qx = (coords[2 * j]! - lon) * kx;
        const qy = (coords[2 * j + 1]! - lat) * ky;
        const dx = qx - ax;
        const dy = qy - ay;
        const len2 = dx * dx + dy * dy;
        let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
        if (t < 0) t = 0;
        else if (t > 1) t = 1;
        const px = ax + t * dx;
        const py = ay + t * dy;
        const d = px * px + py * py;
        if (d < bestSq) {
          bestSq = d;
          best = i;
          bestX = px;
          bestY = py;
        }
        ax = qx;
        ay = qy;
      }
    }
    if (best < 0) return null;
    // Measure the final distance on the sphere, to the nearest point found in the plane.
    const distanceKm = haversineKm(lon, lat, lon + bestX / kx, lat + bestY / ky);
    if (distanceKm > this.bufferKm) return null;
    return { sectionId: this.ids[best]!, distanceKm };
  }
}

export function buildSectionIndex(lines: readonly IndexedLine[], options: SectionIndexOptions = {}): SectionIndex {
  return new SectionIndex(lines, options);
}
