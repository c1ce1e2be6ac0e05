import { Type, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { RecordKind } from './envelope.js';

// What a partner's node may put inside an envelope. The signature proves who sent it, not that
// it is well formed: a record is stored only if it has exactly the shape the local code reads.
const Nation = Type.String({ pattern: '^[A-Z]{2}$' });
const Id = Type.String({ minLength: 1, maxLength: 200 });
const Text = (maxLength: number) => Type.String({ maxLength });
const Time = Type.String({ minLength: 4, maxLength: 40 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }));
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lon = Type.Number({ minimum: -180, maximum: 180 });

const shared = {
  id: Id,
  owner: Nation,
  releasableTo: Type.Array(Nation, { maxItems: 50 }),
  version: Type.Integer({ minimum: 1 }),
  createdAt: Time,
  updatedAt: Time,
};

const IncidentBody = Type.Object({
  ...shared,
  occurredAt: Time,
  datePrecision: Type.Union(['hour', 'day', 'month', 'year'].map((v) => Type.Literal(v))),
  location: Type.Object({ lat: Lat, lon: Lon }),
  geoPrecision: Type.Union(['exact', 'near', 'region'].map((v) => Type.Literal(v))),
  placeName: Nullable(Text(200)),
  section: Nullable(Text(100)),
  eventType: Text(100),
  subEventType: Text(100),
  actors: Type.Array(Text(200), { maxItems: 50 }),
  fatalities: Count,
  injured: Count,
  abducted: Count,
  narrative: Nullable(Text(20_000)),
  source: Type.Object({
    kind: Type.Union(['patrol', 'unit', 'community', 'article', 'other'].map((v) => Type.Literal(v))),
    name: Nullable(Text(300)),
    reliability: Nullable(Type.Union(['A', 'B', 'C', 'D', 'E', 'F'].map((v) => Type.Literal(v)))),
    credibility: Nullable(Type.Integer({ minimum: 1, maximum: 6 })),
  }),
  status: Type.Union(['unverified', 'confirmed', 'refuted'].map((v) => Type.Literal(v))),
  createdBy: Nullable(Text(200)),
});

const PatrolBody = Type.Object({
  ...shared,
  code: Type.String({ pattern: '^[A-Z]{2}-[1-9][0-9]{0,8}$' }),
  leaderUserId: Type.Optional(Nullable(Text(200))),
  reporterUserIds: Type.Optional(Type.Array(Text(200), { maxItems: 50 })),
  name: Text(200),
  kind: Type.Union([Type.Literal('joint'), Type.Literal('national')]),
  status: Type.Union(['draft', 'proposed', 'approved', 'underway', 'completed', 'cancelled'].map((v) => Type.Literal(v))),
  nations: Type.Array(Nation, { maxItems: 20 }),
  unitIds: Type.Array(Id, { maxItems: 50 }),
  axisId: Nullable(Text(200)),
  route: Nullable(Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(Type.Tuple([Lon, Lat]), { maxItems: 10_000 }) })),
  plannedStart: Time,
  plannedEnd: Time,
  startedAt: Nullable(Time),
  completedAt: Nullable(Time),
  debrief: Nullable(Text(20_000)),
  createdBy: Nullable(Text(200)),
  approvals: Type.Array(Type.Object({ nation: Nation, userId: Text(200), at: Time }), { maxItems: 20 }),
});

const UnitBody = Type.Object({ ...shared, nation: Nation, name: Text(200), callSign: Text(100), parentId: Nullable(Id) });

const PostBody = Type.Object({
  ...shared,
  nation: Nation,
  name: Text(200),
  kind: Type.Union(['border_post', 'base', 'checkpoint', 'command'].map((v) => Type.Literal(v))),
  location: Type.Object({ lat: Lat, lon: Lon }),
  section: Nullable(Text(100)),
});

const PatrolApprovalBody = Type.Object({
  ...shared,
  patrolId: Id,
  patrolVersion: Type.Integer({ minimum: 1 }),
  nation: Nation,
  userId: Text(200),
  at: Time,
});

const CHECKS = {
  incident: TypeCompiler.Compile(IncidentBody),
  patrol: TypeCompiler.Compile(PatrolBody),
  unit: TypeCompiler.Compile(UnitBody),
  post: TypeCompiler.Compile(PostBody),
  'patrol-approval': TypeCompiler.Compile(PatrolApprovalBody),
} satisfies Record<RecordKind, { Check: (value: unknown) => boolean }>;

export function isRecordBody(kind: RecordKind, body: unknown): boolean {
  if (!CHECKS[kind].Check(body)) return false;
  // A patrol's code names its owner nation: a partner cannot take a code of another nation's series.
  if (kind === 'patrol') {
    const patrol = body as { owner: string; code: string };
    return patrol.code.startsWith(`${patrol.owner}-`);
  }
  return true;
}
