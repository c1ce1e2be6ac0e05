import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// GeoJSON as RFC 7946 has it, on every route that answers GeoJSON: its media type, exterior rings
// counter-clockwise and holes clockwise, no LineString of fewer than two positions, and no more
// than 6 decimals in a coordinate.

let demo: DemoNode;
beforeAll(async () => {
  demo = await startDemoNode();
});
afterAll(async () => demo.close());

const ROUTES = [
  '/api/v1/borders',
  '/api/v1/sections',
  '/api/v1/axes',
  '/api/v1/basemap',
  '/api/v1/posts',
  '/api/v1/incidents?limit=200',
  '/api/v1/patrols',
  '/api/v1/patrols/demo-patrol-launch/track',
];

/** Twice the signed area of a ring (shoelace): positive when counter-clockwise. */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

function decimals(value: number): number {
  const text = String(value);
  return text.includes('.') ? text.split('.')[1]!.length : 0;
}

/** Every problem of one geometry, in words. */
function problems(geometry: { type: string; coordinates: any } | null, where: string): string[] {
  if (geometry === null) return [];
  const found: string[] = [];
  const positions = (value: any): number[][] => (typeof value[0] === 'number' ? [value] : value.flatMap(positions));
  for (const [lon, lat] of positions(geometry.coordinates)) {
    if (decimals(lon!) > 6 || decimals(lat!) > 6) found.push(`${where}: ${lon},${lat} has more than 6 decimals`);
  }
  if (geometry.type === 'LineString' && geometry.coordinates.length < 2) found.push(`${where}: LineString of ${geometry.coordinates.length} positions`);
  const polygons: number[][][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const [p, rings] of polygons.entries()) {
    for (const [r, ring] of rings.entries()) {
      const area = signedArea(ring);
      if (r === 0 && area < 0) found.push(`${where}: polygon ${p} exterior ring clockwise`);
      if (r > 0 && area > 0) found.push(`${where}: polygon ${p} hole ${r} counter-clockwise`);
    }
  }
  return found;
}

describe('GeoJSON the node sends', () => {
  it.each(ROUTES)('%s is application/geo+json, RFC 7946 ring order, 6 decimals at most', async (url) => {
    const response = await demo.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await demo.token('coord.ml')}` } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const body = response.json() as any;
    const features = body.type === 'FeatureCollection' ? body.features : [body];
    expect(features.length).toBeGreaterThan(0);
    const found = features.flatMap((f: any, i: number) => problems(f.geometry, `${url} feature ${i}`));
    expect(found.slice(0, 10)).toEqual([]);
  });

  it('lists patrols as a FeatureCollection whose geometry is the planned route, as the README says', async () => {
    const list = (await demo.call('GET', '/api/v1/patrols', { as: 'coord.ml' })).body;
    expect(list.type).toBe('FeatureCollection');
    const launch = list.features.find((f: any) => f.id === 'demo-patrol-launch');
    expect(launch.properties).toMatchObject({ id: 'demo-patrol-launch', status: 'completed' });
    expect(launch.properties.route).toBeUndefined();
    expect(['LineString', null]).toContain(launch.geometry?.type ?? null);
  });

  it('gives a patrol without positions a null geometry, never a LineString without coordinates', async () => {
    const track = await demo.call('GET', '/api/v1/patrols/demo-patrol-launch/track', { as: 'coord.sn' });
    expect(track.body).toMatchObject({ type: 'Feature', geometry: null, properties: { positions: 0 } });
  });
});
