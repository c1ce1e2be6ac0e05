import { type Static, Type } from '@sinclair/typebox';
import { IdSchema, IsoDateTime, LatLonSchema, NationCodeSchema, Nullable, PeopleCount, ReleasableToSchema, vocabulary } from './schema-kit.js';
import { REPORTED_VIA } from './vocabularies.js';

// What a patrol reports on its way, written once: positions and observations as the field
// sends them, and the observation as the node keeps and shows it.

/** A reporting device's own id for a record: the same id again is the same record. */
export const ClientIdSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

/** The channels a request to the API may name; SMS, radio and TAK come by their own routes. */
const ApiChannelSchema = Type.Optional(
  vocabulary(['api', 'field'] as const, {
    description: '`field` when sent by the field app: then only the patrol’s leader and reporters may send it',
  }),
);

/** One position of a patrol, as a device reports it. */
export const PositionReportSchema = Type.Object(
  {
    at: IsoDateTime,
    lat: LatLonSchema.properties.lat,
    lon: LatLonSchema.properties.lon,
    /** The reporting device's own id for it, so a batch sent twice is stored once. */
    clientId: Type.Optional(ClientIdSchema),
  },
  { additionalProperties: false },
);
export type PositionReport = Static<typeof PositionReportSchema>;

export const PositionsBodySchema = Type.Object(
  { positions: Type.Array(PositionReportSchema, { minItems: 1, maxItems: 100_000 }), reportedVia: ApiChannelSchema },
  { additionalProperties: false },
);

/** What was counted on the spot; null is "not counted", never zero. */
export const ObservationCountsSchema = Type.Object({ people: PeopleCount, fatalities: PeopleCount, injured: PeopleCount }, { additionalProperties: false });
export type ObservationCounts = Static<typeof ObservationCountsSchema>;

const field = {
  at: IsoDateTime,
  location: Nullable(LatLonSchema),
  text: Type.String({ maxLength: 5000 }),
  clientId: ClientIdSchema,
  eventType: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
};

/** What a patrol sends of something it saw (`POST /patrols/:id/observations`). */
export const ObservationInputSchema = Type.Object(
  {
    at: field.at,
    location: Type.Optional(field.location),
    text: Type.Optional(Type.String({ ...field.text, description: 'May be empty when eventType is given' })),
    clientId: Type.Optional(field.clientId),
    eventType: Type.Optional(field.eventType),
    counts: Type.Optional(Type.Partial(ObservationCountsSchema)),
    reportedVia: ApiChannelSchema,
  },
  { additionalProperties: false },
);
export type ObservationInput = Static<typeof ObservationInputSchema>;

/** A photo attached to an observation, named by the SHA-256 of its stored (stripped) bytes. */
export const PhotoRefSchema = Type.Object({
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  contentType: Type.String(),
  bytes: Type.Integer({ minimum: 0 }),
});
export type PhotoRef = Static<typeof PhotoRefSchema>;

const shown = {
  id: IdSchema,
  owner: NationCodeSchema,
  releasableTo: ReleasableToSchema,
  patrolId: IdSchema,
  at: field.at,
  location: field.location,
  section: Nullable(Type.String({ maxLength: 100 })),
  text: field.text,
  createdAt: IsoDateTime,
  /** The reporting device's own id for it: the same id again is the same observation. */
  clientId: Nullable(field.clientId),
  eventType: field.eventType,
  counts: ObservationCountsSchema,
  photos: Type.Array(PhotoRefSchema),
  reportedVia: vocabulary(REPORTED_VIA),
};

/** Something a patrol saw or did, noted on the way (a fuel depot, a crossing point in use), as the API shows it. */
export const ObservationShownSchema = Type.Object(shown);
/** The observation as its node keeps it: who wrote it stays there. */
export const ObservationSchema = Type.Object({ ...shown, createdBy: Nullable(IdSchema) });
export type Observation = Static<typeof ObservationSchema>;
