import { pathToFileURL } from 'node:url';
import { computeBorder } from '../src/geo/border.js';
import type { LonLat } from '../src/kernel/geojson.js';
import { haversineKm } from '../src/geo/great-circle.js';
import { SectionIndex } from '../src/geo/nearest-section.js';
import { sectionize, type Section } from '../src/geo/sectionize.js';
import { isInMechanismArea, nationAt } from '../src/geo/nation-at.js';
import { seededRandom } from './figures.js';

const POINTS = 1_000_000;
/** Diboli, the fixed point of the baseline. */
const DIBOLI: LonLat = [-12.19945, 14.45511];

/** Random points within ≈30 km of a random vertex of the border: the busy case, every point near. */
function nearBorderPoints(sections: readonly Section[], count: number): Float64Array {
  const vertices = sections.flatMap((s) => s.geometry.coordinates as LonLat[]);
  const random = seededRandom(7);
  const points = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    const [lon, lat] = vertices[Math.floor(random() * vertices.length)]!;
    points[2 * i] = lon + (random() - 0.5) * 0.5;
    points[2 * i + 1] = lat + (random() - 0.5) * 0.5;
  }
  return points;
}

/** Random points in a box around the sections, one degree wider on every side. */
function randomPoints(sections: readonly Section[], count: number): Float64Array {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const s of sections) {
    for (const [lon, lat] of s.geometry.coordinates as LonLat[]) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  minLon -= 1;
  minLat -= 1;
  maxLon += 1;
  maxLat += 1;
  const random = seededRandom(20250220);
  const points = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    points[2 * i] = minLon + random() * (maxLon - minLon);
    points[2 * i + 1] = minLat + random() * (maxLat - minLat);
  }
  return points;
}

function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

function benchCase(print: (line: string) => void, label: string, sections: Section[], points: Float64Array): void {
  const index = new SectionIndex(sections);
  const point: LonLat = [0, 0];

  // Warm-up, so both loops run optimised code.
  for (let i = 0; i < 50_000; i++) {
    point[0] = points[2 * i]!;
    point[1] = points[2 * i + 1]!;
    index.nearest(point);
    haversineKm(point[0], point[1], DIBOLI[0], DIBOLI[1]);
  }

  let sink = 0;
  let t0 = performance.now();
  for (let i = 0; i < POINTS; i++) {
    sink += haversineKm(points[2 * i]!, points[2 * i + 1]!, DIBOLI[0], DIBOLI[1]);
  }
  const baselineMs = performance.now() - t0;

  let hits = 0;
  t0 = performance.now();
  for (let i = 0; i < POINTS; i++) {
    point[0] = points[2 * i]!;
    point[1] = points[2 * i + 1]!;
    if (index.nearest(point) !== null) hits++;
  }
  const nearestMs = performance.now() - t0;

  const nearestRate = perSecond(POINTS, nearestMs);
  const baselineRate = perSecond(POINTS, baselineMs);
  print(
    `geo ${label}: SectionIndex.nearest ${nearestRate.toLocaleString('en')} lookups/s ` +
      `(${sections.length} sections, ${((hits / POINTS) * 100).toFixed(1)} % within 30 km)`,
  );
  print(
    `geo ${label}: baseline haversine to one point ${baselineRate.toLocaleString('en')} /s; ` +
      `nearest costs ${(baselineRate / nearestRate).toFixed(1)}× a haversine ` +
      `(mean distance to Diboli ${(sink / POINTS).toFixed(0)} km)`,
  );
}

/** Point-in-country and area checks, which guard API input: far fewer calls, heavier each. */
function benchNationAt(print: (line: string) => void, sections: Section[]): void {
  const count = 100_000;
  const points = randomPoints(sections, count);
  const point: LonLat = [0, 0];
  nationAt(point);
  isInMechanismArea(point, ['ML', 'SN']);
  let found = 0;
  let t0 = performance.now();
  for (let i = 0; i < count; i++) {
    point[0] = points[2 * i]!;
    point[1] = points[2 * i + 1]!;
    if (nationAt(point) !== null) found++;
  }
  const nationMs = performance.now() - t0;
  let inside = 0;
  t0 = performance.now();
  for (let i = 0; i < count; i++) {
    point[0] = points[2 * i]!;
    point[1] = points[2 * i + 1]!;
    if (isInMechanismArea(point, ['ML', 'SN'])) inside++;
  }
  const areaMs = performance.now() - t0;
  print(
    `geo nationAt ${perSecond(count, nationMs).toLocaleString('en')} /s (${((found / count) * 100).toFixed(0)} % in a known nation); ` +
      `isInMechanismArea(ML, SN) ${perSecond(count, areaMs).toLocaleString('en')} /s (${((inside / count) * 100).toFixed(0)} % accepted)`,
  );
}

export async function benchGeo(print: (line: string) => void): Promise<void> {
  const mlSn = computeBorder('ML', 'SN');
  const mrSn = computeBorder('MR', 'SN');
  const mlMr = computeBorder('ML', 'MR');
  if (mlSn === null || mrSn === null || mlMr === null) throw new Error('border data missing');
  // About forty sections: the Mali–Senegal mechanism plus the Senegal river stretch.
  const forty = [...sectionize(mlSn), ...sectionize(mrSn)];
  const tripartite = [...forty, ...sectionize(mlMr)];
  benchCase(print, 'ML-SN + MR-SN, region', forty, randomPoints(forty, POINTS));
  benchCase(print, 'ML-SN + MR-SN, near border', forty, nearBorderPoints(forty, POINTS));
  benchCase(print, 'ML-SN + MR-SN + ML-MR, region', tripartite, randomPoints(tripartite, POINTS));
  benchNationAt(print, forty);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  await benchGeo((line) => console.log(line));
}
