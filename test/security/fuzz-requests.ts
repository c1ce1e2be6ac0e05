import fc from 'fast-check';

/**
 * Hostile requests made from the node's OpenAPI document: a plausible request per operation (so
 * that a mutation reaches past the first check), then one hostile change to its path, query,
 * body, content type or credentials.
 */

export interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema | Schema[];
  minItems?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, Schema>;
  body?: Schema;
}

/** JSON text spliced into a body as is: numbers JSON allows but JavaScript cannot hold exactly. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Credentials = 'coordinator' | 'anonymous' | 'bad-cookie' | 'bad-bearer' | 'cookie-foreign-origin' | 'cookie-own-origin';

export interface HostileRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  credentials: Credentials;
  mutation: string;
}

export function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const parameters = (operation.parameters ?? []) as { in: string; name: string; schema: Schema }[];
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema])),
        body: operation.requestBody?.content?.['application/json']?.schema as Schema | undefined,
      };
    }),
  );
}

/** Small deterministic choices from one seed (the plan's), so that a run can be replayed. */
export function choices(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    int: (below: number) => Math.floor(next() * below),
  };
}
export type Choices = ReturnType<typeof choices>;

/** Values that let a request through the schema and, often, into the service. */
const KNOWN: Record<string, unknown> = {
  occurredAt: '2026-11-27T06:30:00Z',
  eventType: 'Border activity',
  subEventType: 'Smuggling',
  location: { lat: 14.44, lon: -12.18 },
  unitIds: ['ml-gtia-diboli', 'sn-garsi-kidira'],
  plannedStart: '2026-12-20T06:00:00Z',
  plannedEnd: '2026-12-21T18:00:00Z',
  // Webhooks may only be pointed at a closed port of this machine: nothing leaves it.
  url: 'http://127.0.0.1:9/fuzz',
  username: 'fuzz.nobody',
  target: { kind: 'section', id: 'ML-SN-02' },
  from: '2026-11-01T00:00:00Z',
  to: '2026-11-30T00:00:00Z',
  // The PDF format starts a browser; its input is checked as the HTML one's is.
  format: 'html',
};

/** Ids of the demo's records, by the collection they belong to: a request then reaches the record. */
const IDS: Record<string, string[]> = {
  incidents: ['demo-ml-0001', 'demo-sn-0003', 'demo-ml-0003'],
  patrols: ['demo-patrol-december', 'demo-patrol-launch'],
  sections: ['ML-SN-02', 'ML-SN-07'],
  'alert-rules': ['fuzz-rule', 'x'],
};

/** A real id for the collection named in the path, or a made-up one. */
export function idFor(path: string, rng: Choices): string {
  const collection = Object.keys(IDS).find((name) => path.includes(`/${name}/`));
  return rng.pick(collection && rng.chance(0.9) ? IDS[collection]! : ['x', 'demo-ml-0001', 'ML-SN-02']);
}

/** A value the schema accepts (or nearly: enough to reach the route's own checks). */
export function plausible(schema: Schema | undefined, rng: Choices, name?: string, depth = 0): unknown {
  if (name !== undefined && name in KNOWN) return structuredClone(KNOWN[name]);
  if (!schema || depth > 6) return {};
  if (schema.enum) return rng.pick(schema.enum.filter((value) => value !== 'pdf'));
  if (schema.anyOf) {
    const formats = schema.anyOf.map((s) => s.format).filter(Boolean);
    if (formats.includes('date-time')) return '2026-11-20T08:00:00Z';
    return plausible({ ...schema, anyOf: undefined, ...rng.pick(schema.anyOf.filter((s) => s.type !== 'null')) }, rng, name, depth);
  }
  switch (schema.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || rng.chance(0.4)) value[key] = plausible(property, rng, key, depth + 1);
      }
      return value;
    }
    case 'array': {
      const items = Array.isArray(schema.items) ? schema.items : undefined;
      if (items) return items.map((item) => plausible(item, rng, undefined, depth + 1));
      const count = Math.max(schema.minItems ?? 0, rng.chance(0.5) ? 1 : 0);
      return Array.from({ length: count }, () => plausible(schema.items as Schema, rng, undefined, depth + 1));
    }
    case 'string':
      if (schema.format === 'date-time') return '2026-11-20T08:00:00Z';
      if (schema.format === 'date') return '2026-11-20';
      if (schema.pattern === '^[A-Z]{2}$') return rng.pick(['SN', 'MR', 'ML']);
      if (schema.pattern) return 'fuzz-rule';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? schema.exclusiveMinimum ?? 0;
      const high = schema.maximum ?? low + 10;
      return schema.type === 'integer' ? Math.ceil((low + high) / 2) : (low + high) / 2 + (schema.exclusiveMinimum !== undefined ? 0.5 : 0);
    }
    case 'boolean':
      return rng.chance(0.5);
    default:
      return {};
  }
}

const deepArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Hostile values for one field of a body. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    'Infinity',
    '-Infinity',
    'NaN',
    '1e999',
    '12',
    '-1',
    '0x10',
    '',
    ' ',
    'null',
    'true',
    '[]',
    '2026-06-30T23:59:60Z',
    '2026-02-30T10:00:00Z',
    '2026-11-01T24:00:00Z',
    '9999-99-99',
    '0000-00-00T00:00:00Z',
    '2026-11-01T10:00:00+24:00',
    '%E0%A4%A',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; DROP TABLE incidents; --",
    '\u0000',
    '\ud800',
    'ZZ',
    '__proto__',
    'x'.repeat(100_001),
  ),
  fc.constantFrom<unknown>(
    new RawJson('1e999'),
    new RawJson('-1e999'),
    new RawJson('1e308'),
    new RawJson('-0'),
    new RawJson('9007199254740993'),
    new RawJson('1.5'),
    new RawJson('-1'),
    new RawJson('0'),
    new RawJson('2147483648'),
    new RawJson(deepArrays(40)),
    new RawJson(deepObjects(20_000)),
  ),
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[]], { constructor: { prototype: { admin: true } } }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
);

/** Hostile text for a query parameter or a path parameter (before any encoding). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Infinity',
    '-Infinity',
    'NaN',
    '1e999',
    '-1',
    '0',
    '1.5',
    '0x10',
    '',
    '%',
    '%E0%A4%A',
    '%00',
    'true',
    '[]',
    '{}',
    '2026-06-30T23:59:60Z',
    '2026-02-30',
    '2026-13-01',
    '-90,-180,90,180',
    '1,2,3',
    '180,90,-180,-90',
    'NaN,NaN,NaN,NaN',
    'x'.repeat(101),
    'x'.repeat(5000),
    '..%2F..%2Fetc%2Fpasswd',
    'pdf',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
);

export const BAD_COOKIES = [
  'diboli_token=%E0%A4%A',
  'diboli_token=%',
  'diboli_token=',
  'diboli_token=x'.padEnd(5000, 'y'),
  'diboli_token="unterminated',
  'diboli_token=a; diboli_token=b',
  '=; ;;=',
];
export const BAD_BEARERS = ['Bearer ', 'Bearer x', 'Bearer %E0%A4%A', 'bearer lowercase', 'Basic Y29vcmQubWw6eA==', `Bearer ${'z'.repeat(5000)}`];
export const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonx',
  'application/json; charset=utf-16',
  'image/png',
  '',
];
export const WHOLE_BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '1e999',
  'NaN',
  '{"a":1,"a":2}',
  '\ufeff{}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  deepArrays(20_000),
  deepObjects(20_000),
  deepArrays(33),
  `"${'x'.repeat(1_100_000)}"`,
];

/** Body text, with RawJson values written as they are. */
export function jsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof RawJson) {
      raws.push(item.text);
      return `@@raw${raws.length - 1}@@`;
    }
    return item;
  });
  return (text ?? 'null').replace(/"@@raw(\d+)@@"/g, (_whole, index: string) => raws[Number(index)]!);
}

/** Sets `value` at a random place of a plausible body: an existing field, a nested one, or a new one. */
export function plant(body: unknown, value: unknown, rng: Choices, schema?: Schema): unknown {
  if (typeof body !== 'object' || body === null) return value;
  const container = body as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(container), ...Object.keys(schema?.properties ?? {})])];
  if (keys.length === 0 || rng.chance(0.1)) {
    container[rng.pick(['unknownField', 'fatalities ', 'isAdmin', 'owner', 'version', 'id'])] = value;
    return body;
  }
  const key = rng.pick(keys);
  const inner = container[key];
  if (typeof inner === 'object' && inner !== null && rng.chance(0.5)) {
    const innerSchema = schema?.properties?.[key];
    container[key] = plant(inner, value, rng, Array.isArray(inner) ? (innerSchema?.items as Schema | undefined) : innerSchema);
  } else container[key] = value;
  return body;
}

/** The path with one letter percent-encoded, or otherwise spelled differently. */
export function respell(path: string, rng: Choices): string {
  const letters = [...path.matchAll(/[a-z]/g)].map((m) => m.index!);
  const at = rng.pick(letters);
  const encoded = `${path.slice(0, at)}%${path.charCodeAt(at).toString(16)}${path.slice(at + 1)}`;
  return rng.pick([
    encoded,
    encoded.toUpperCase(),
    path.replace('/v1/', '/v1//'),
    `${path}/`,
    path.replace('/v1/', '/v1/./'),
    path.replace('/v1/', '/x/../v1/'),
    path.replace(/\//g, '%2F'),
    `${path}%00`,
    `${path}?`,
  ]);
}
