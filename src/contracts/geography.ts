import { type Static, Type } from '@sinclair/typebox';
import { NationCodeSchema, Nullable, vocabulary } from './schema-kit.js';
import { THREAT_LEVELS } from './vocabularies.js';

// The mechanism's geography and reference lists as the API shows them: the properties of the
// GeoJSON features it sends (their geometry is GeoJSON's), the gazetteer's places and the event
// taxonomy. The web's types come from here.

export const TaxonomySchema = Type.Object({ eventTypes: Type.Record(Type.String(), Type.Array(Type.String())) });
export type Taxonomy = Static<typeof TaxonomySchema>;

/** A border between two mechanism nations. */
export const BorderPropertiesSchema = Type.Object({ id: Type.String(), nations: Type.Array(NationCodeSchema), lengthKm: Type.Number() });
export type BorderProperties = Static<typeof BorderPropertiesSchema>;

/** A section of a border, with its threat level as the caller's nation sees it. */
export const SectionPropertiesSchema = Type.Object({
  id: Type.String(),
  borderId: Type.String(),
  index: Type.Integer(),
  nations: Type.Array(NationCodeSchema),
  startKm: Type.Number(),
  lengthKm: Type.Number(),
  threatLevel: vocabulary(THREAT_LEVELS),
});
export type SectionProperties = Static<typeof SectionPropertiesSchema>;

export const AxisPropertiesSchema = Type.Object({ id: Type.String(), name: Type.String(), nations: Type.Array(NationCodeSchema) });
export type AxisProperties = Static<typeof AxisPropertiesSchema>;

/** A country outline of the simple basemap. */
export const CountryPropertiesSchema = Type.Object({ nation: Nullable(NationCodeSchema), name: Type.String() });
export type CountryProperties = Static<typeof CountryPropertiesSchema>;

/** A place of the gazetteer (GeoNames). */
export const PlaceSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  country: Type.String(),
  admin1: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  featureCode: Type.String(),
});
export type Place = Static<typeof PlaceSchema>;
