import { PostRecordSchema, UnitRecordSchema } from '../../contracts/organisation.js';
import { Type } from '@sinclair/typebox';
import { EVENT_TYPES } from '../../domain/event-types.js';
import { collectionForSending, GEOJSON_TYPE } from '../../geo/geojson-output.js';
import { actorOf } from '../authentication.js';
import { featureCollectionOf } from '../schemas.js';
import { ErrorSchema } from '../../contracts/error.js';
import { NationCodeSchema } from '../../contracts/schema-kit.js';
import {
  AxisPropertiesSchema,
  BorderPropertiesSchema,
  CountryPropertiesSchema,
  PlaceSchema,
  SectionPropertiesSchema,
  TaxonomySchema,
} from '../../contracts/geography.js';
import type { Services } from '../services.js';
import type { TypedApp } from '../typed-app.js';

const errors = { 400: ErrorSchema, 401: ErrorSchema };
const PlacesQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
    country: Type.Optional(NationCodeSchema),
  },
  { additionalProperties: false },
);

/**
 * What every user of the node reads to draw the picture: the mechanism, geography (borders,
 * sections, axes, basemap), gazetteer, taxonomy, units and posts (the last two by releasability).
 */
export async function referenceRoutes(app: TypedApp, { reference, organisation, earlyWarning }: Services): Promise<void> {
  app.get(
    '/api/v1/mechanism',
    {
      schema: {
        tags: ['reference'],
        summary: 'The mechanism this node belongs to, with its sharing policy',
        response: {
          200: Type.Object({
            id: Type.String(),
            name: Type.String(),
            nations: Type.Array(NationCodeSchema),
            agreement: Type.Object({ title: Type.String(), date: Type.String(), reference: Type.String() }),
            sharingPolicy: Type.Record(Type.String(), Type.Array(NationCodeSchema)),
          }),
          ...errors,
        },
      },
    },
    async () => reference.mechanism(),
  );

  app.get(
    '/api/v1/taxonomy',
    {
      schema: {
        tags: ['reference'],
        summary: 'Event types (ACLED) and their sub-types, plus border categories',
        response: { 200: TaxonomySchema, ...errors },
      },
    },
    async () => ({ eventTypes: EVENT_TYPES as unknown as Record<string, string[]> }),
  );

  app.get(
    '/api/v1/borders',
    {
      schema: {
        tags: ['geography'],
        summary: 'Borders between mechanism nations (Natural Earth 10m)',
        produces: ['application/geo+json'],
        response: {
          200: featureCollectionOf(BorderPropertiesSchema),
          ...errors,
        },
      },
    },
    async (_request, reply) => {
      const borders = await reference.borders();
      reply.type(GEOJSON_TYPE);
      return collectionForSending({
        type: 'FeatureCollection' as const,
        features: borders.map((b) => ({
          type: 'Feature' as const,
          id: b.id,
          geometry: b.geometry,
          properties: { id: b.id, nations: b.nations, lengthKm: b.lengthKm },
        })),
      });
    },
  );

  app.get(
    '/api/v1/sections',
    {
      schema: {
        tags: ['geography'],
        summary: 'Border sections with their threat level, as the caller’s nation sees it',
        produces: ['application/geo+json'],
        response: {
          200: featureCollectionOf(SectionPropertiesSchema),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      // Each nation sees the levels computed from what it may see, brought to now.
      const sections = await earlyWarning.sectionsWithLevels(actorOf(request));
      reply.type(GEOJSON_TYPE);
      return collectionForSending({
        type: 'FeatureCollection' as const,
        features: sections.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, id: properties.id, geometry, properties })),
      });
    },
  );

  app.get(
    '/api/v1/axes',
    {
      schema: {
        tags: ['geography'],
        summary: 'Strategic axes',
        produces: ['application/geo+json'],
        response: {
          200: featureCollectionOf(AxisPropertiesSchema),
          ...errors,
        },
      },
    },
    async (_request, reply) => {
      const axes = await reference.axes();
      reply.type(GEOJSON_TYPE);
      return collectionForSending({
        type: 'FeatureCollection' as const,
        features: axes.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, id: properties.id, geometry, properties })),
      });
    },
  );

  app.get(
    '/api/v1/basemap',
    {
      schema: {
        tags: ['geography'],
        summary: 'Country outlines around the mechanism, for a map without a tile server',
        produces: ['application/geo+json'],
        response: { 200: featureCollectionOf(CountryPropertiesSchema), ...errors },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'private, max-age=86400').type(GEOJSON_TYPE);
      return reference.basemap();
    },
  );

  app.get(
    '/api/v1/places',
    {
      schema: {
        tags: ['geography'],
        summary: 'Gazetteer search (GeoNames), accent- and case-insensitive',
        querystring: PlacesQuery,
        response: {
          200: Type.Array(PlaceSchema),
          ...errors,
        },
      },
    },
    async (request) => {
      const { q, limit, country } = request.query;
      const places = await reference.places(q, { limit, country });
      return places.map(({ id, name, country: c, admin1, lat, lon, featureCode }) => ({ id, name, country: c, admin1, lat, lon, featureCode }));
    },
  );

  app.get(
    '/api/v1/units',
    {
      schema: {
        tags: ['reference'],
        summary: 'Units visible to the caller (tree by parentId)',
        response: {
          200: Type.Array(Type.Pick(UnitRecordSchema, ['id', 'nation', 'name', 'callSign', 'parentId', 'owner'])),
          ...errors,
        },
      },
    },
    async (request) => organisation.unitsVisibleTo(actorOf(request).nation),
  );

  app.get(
    '/api/v1/posts',
    {
      schema: {
        tags: ['reference'],
        summary: 'Posts (border posts, bases, checkpoints) visible to the caller',
        produces: ['application/geo+json'],
        response: {
          200: featureCollectionOf(Type.Pick(PostRecordSchema, ['id', 'name', 'kind', 'nation', 'owner', 'releasableTo', 'section'])),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const posts = await organisation.postsVisibleTo(actorOf(request).nation);
      reply.type(GEOJSON_TYPE);
      return collectionForSending({
        type: 'FeatureCollection' as const,
        features: posts.map(({ location, ...properties }) => ({
          type: 'Feature' as const,
          id: properties.id,
          geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
          properties,
        })),
      });
    },
  );
}
