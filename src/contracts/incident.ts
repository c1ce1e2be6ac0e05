import { type Static, Type } from '@sinclair/typebox';
import {
  IdSchema,
  IsoDateOrDateTime,
  IsoDateTime,
  LatLonSchema,
  NationCodeSchema,
  Nullable,
  PeopleCount,
  recordIdentity,
  ReleasableToSchema,
  vocabulary,
} from './schema-kit.js';
import { DATE_PRECISIONS, GEO_PRECISIONS, INCIDENT_STATUSES, INFORMATION_CREDIBILITIES, SOURCE_KINDS, SOURCE_RELIABILITIES } from './vocabularies.js';

// The incident, written once: the record a node stores and sends to partners, what an author
// sends to record one, and a version of it. The TypeScript types, the HTTP schemas, the
// federation's check of a received copy and the web's types all come from here.

/** Each field's limits, shared by the record and the request that writes it. */
const field = {
  occurredAt: IsoDateTime,
  datePrecision: vocabulary(DATE_PRECISIONS),
  location: LatLonSchema,
  geoPrecision: vocabulary(GEO_PRECISIONS),
  placeName: Nullable(Type.String({ maxLength: 200 })),
  eventType: Type.String({ minLength: 1, maxLength: 100 }),
  subEventType: Type.String({ minLength: 1, maxLength: 100 }),
  actors: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 }),
  fatalities: PeopleCount,
  injured: PeopleCount,
  abducted: PeopleCount,
  narrative: Nullable(Type.String({ maxLength: 20_000 })),
  status: vocabulary(INCIDENT_STATUSES),
  sourceKind: vocabulary(SOURCE_KINDS),
  sourceName: Nullable(Type.String({ maxLength: 300 })),
  reliability: Nullable(vocabulary(SOURCE_RELIABILITIES)),
  credibility: Nullable(vocabulary(INFORMATION_CREDIBILITIES)),
};

export const IncidentSourceSchema = Type.Object(
  { kind: field.sourceKind, name: field.sourceName, reliability: field.reliability, credibility: field.credibility },
  { additionalProperties: false },
);
export type IncidentSource = Static<typeof IncidentSourceSchema>;

/** What an author states about an incident: everything but identity, ownership and derived fields. */
export const IncidentFactsSchema = Type.Object({
  occurredAt: field.occurredAt,
  datePrecision: field.datePrecision,
  location: field.location,
  geoPrecision: field.geoPrecision,
  placeName: field.placeName,
  eventType: field.eventType,
  subEventType: field.subEventType,
  actors: field.actors,
  fatalities: field.fatalities,
  injured: field.injured,
  abducted: field.abducted,
  narrative: field.narrative,
  source: IncidentSourceSchema,
  status: field.status,
});
export type IncidentFacts = Static<typeof IncidentFactsSchema>;

const identity = {
  ...recordIdentity,
  /** Nearest border section within the buffer, derived from `location`. */
  section: Nullable(Type.String({ maxLength: 100 })),
};

/** The incident as its owner's node stores it and releases it to partners. */
export const IncidentSchema = Type.Object({ ...identity, ...IncidentFactsSchema.properties, createdBy: Nullable(IdSchema) });
export type Incident = Static<typeof IncidentSchema>;

/** The incident as the API shows it: who wrote it stays on its node. */
const shown = { ...identity, ...IncidentFactsSchema.properties };
export const IncidentShownSchema = Type.Object(shown, { $id: 'Incident' });
export type IncidentShown = Static<typeof IncidentShownSchema>;
/** The same fields, as the properties of a GeoJSON feature (the place is its geometry). */
const { location: _place, ...shownAsFeature } = shown;
export const IncidentPropertiesSchema = Type.Object(shownAsFeature);

/** What an author sends to record an incident (`POST /incidents`); null stays unknown. */
export const IncidentInputSchema = Type.Object(
  {
    occurredAt: IsoDateOrDateTime,
    datePrecision: Type.Optional(field.datePrecision),
    location: field.location,
    geoPrecision: Type.Optional(field.geoPrecision),
    placeName: Type.Optional(field.placeName),
    eventType: field.eventType,
    subEventType: field.subEventType,
    actors: Type.Optional(field.actors),
    fatalities: Type.Optional(field.fatalities),
    injured: Type.Optional(field.injured),
    abducted: Type.Optional(field.abducted),
    narrative: Type.Optional(field.narrative),
    source: Type.Optional(
      Type.Object(
        {
          kind: field.sourceKind,
          name: Type.Optional(field.sourceName),
          reliability: Type.Optional(field.reliability),
          credibility: Type.Optional(field.credibility),
        },
        { additionalProperties: false },
      ),
    ),
    status: Type.Optional(field.status),
    releasableTo: Type.Optional(ReleasableToSchema),
  },
  { additionalProperties: false },
);
export type IncidentInput = Static<typeof IncidentInputSchema>;

/** A change (`PATCH /incidents/:id`): the fields given replace the incident's, null included. */
export const IncidentPatchSchema = Type.Partial(IncidentInputSchema, { additionalProperties: false, minProperties: 1 });
export type IncidentPatch = Static<typeof IncidentPatchSchema>;

/** One stored version of an incident, and who recorded it. */
export const IncidentVersionSchema = Type.Object({
  version: Type.Integer(),
  recordedAt: IsoDateTime,
  /** The officer who wrote it on this node; null for a copy received from its owner's node. */
  recordedBy: Nullable(Type.Object({ username: Type.String(), displayName: Type.String(), nation: NationCodeSchema })),
  incident: Type.Object(shown),
});
export type IncidentVersion = Static<typeof IncidentVersionSchema>;

/** The incident list's free-text filter, shared by the list and its exports. */
export const IncidentTextQuery = Type.Optional(
  Type.String({
    maxLength: 200,
    description:
      'Free text: every word, in any case and with or without accents, in the narrative, place, actors, source, id or type names (French or English)',
  }),
);

export const IncidentQuerySchema = Type.Object(
  {
    bbox: Type.Optional(Type.String({ description: 'minLon,minLat,maxLon,maxLat' })),
    from: Type.Optional(IsoDateOrDateTime),
    to: Type.Optional(IsoDateOrDateTime),
    eventType: Type.Optional(Type.String()),
    section: Type.Optional(Type.String()),
    owner: Type.Optional(NationCodeSchema),
    status: Type.Optional(vocabulary(INCIDENT_STATUSES)),
    q: IncidentTextQuery,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50_000, default: 5000 })),
  },
  { additionalProperties: false },
);
export type IncidentQuery = Static<typeof IncidentQuerySchema>;
