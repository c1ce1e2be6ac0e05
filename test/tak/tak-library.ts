/**
 * The TAK community's CoT library (@tak-ps/node-cot), as the tests use it. Its package gives its
 * TypeScript sources as its types, which do not compile under this repository's strict settings;
 * it is loaded by a name the compiler does not follow, with the little of its interface used here.
 */
export interface TakFeature {
  id: string;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

export interface TakCot {
  to_xml(): string;
  to_geojson(): TakFeature;
  raw: { event: { _attributes: Record<string, string>; detail?: Record<string, unknown> } };
}

const LIBRARY: string = '@tak-ps/node-cot';

const loaded = (await import(LIBRARY)) as { default: new (input: string | object) => TakCot };

export const CoT = loaded.default;
