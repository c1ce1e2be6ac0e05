import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { IncidentInputSchema, IncidentSchema } from '../../src/contracts/incident.js';
import { PatrolInputSchema, PatrolSchema } from '../../src/contracts/patrol.js';
import { isRecordBody } from '../../src/federation/record-bodies.js';
import { DATE_FORMATS } from '../../src/kernel/instant.js';

// A shared record is written once, in src/contracts: the node's HTTP checks (Ajv, as Fastify runs
// it with the node's date formats), a partner's check of a received copy (TypeBox's compiler) and
// the request that writes the record must agree on every limit. Before, the three were separate
// writings and had drifted (a count capped at 100,000 in one and 1,000,000 in another).

const ROOT = resolve(import.meta.dirname, '../..');
const ajv = new Ajv({ strict: false, allErrors: true });
for (const [name, check] of Object.entries(DATE_FORMATS)) ajv.addFormat(name, check);
const httpAccepts = (schema: TSchema) => {
  const validate = ajv.compile(schema);
  return (value: unknown) => validate(value) === true;
};

const incident = {
  id: 'ML-inc-1',
  owner: 'ML',
  releasableTo: ['SN'],
  version: 1,
  section: 'ML-SN-04',
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T08:00:00.000Z',
  occurredAt: '2026-11-30T22:15:00.000Z',
  datePrecision: 'hour',
  location: { lat: 14.43, lon: -12.2 },
  geoPrecision: 'exact',
  placeName: 'Diboli',
  eventType: 'Violence against civilians',
  subEventType: 'Attack',
  actors: ['Hommes armés non identifiés'],
  fatalities: 2,
  injured: null,
  abducted: null,
  narrative: 'Deux commerçants tués sur la route de Kidira.',
  source: { kind: 'unit', name: 'Brigade de Diboli', reliability: 'B', credibility: 2 },
  status: 'confirmed',
  createdBy: 'user-1',
};

const patrol = {
  id: 'ML-pat-1',
  owner: 'ML',
  releasableTo: ['SN'],
  version: 2,
  createdAt: '2026-12-01T08:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  code: 'ML-48213',
  name: 'Patrouille mixte Diboli–Kidira',
  kind: 'joint',
  status: 'proposed',
  nations: ['ML', 'SN'],
  unitIds: ['unit-ml-1', 'unit-sn-1'],
  axisId: null,
  route: {
    type: 'LineString',
    coordinates: [
      [-12.2, 14.43],
      [-12.23, 14.46],
    ],
  },
  plannedStart: '2026-12-03T06:00:00.000Z',
  plannedEnd: '2026-12-03T18:00:00.000Z',
  startedAt: null,
  completedAt: null,
  debrief: null,
  leaderUserId: 'user-7',
  reporterUserIds: [],
  approvals: [{ nation: 'ML', userId: 'user-2', at: '2026-12-01T09:00:00.000Z' }],
  createdBy: 'user-1',
};

/** One value of a field at its limit and one past it (or a word outside the vocabulary). */
const incidentFields: [field: string, atLimit: unknown, pastLimit: unknown][] = [
  ['fatalities', 100_000, 100_001],
  ['injured', 0, -1],
  ['abducted', null, 1.5],
  ['placeName', 'x'.repeat(200), 'x'.repeat(201)],
  ['narrative', 'x'.repeat(20_000), 'x'.repeat(20_001)],
  ['actors', Array.from({ length: 50 }, (_, i) => `acteur ${i}`), Array.from({ length: 51 }, (_, i) => `acteur ${i}`)],
  ['eventType', 'x'.repeat(100), ''],
  ['subEventType', 'x'.repeat(100), 'x'.repeat(101)],
  ['status', 'refuted', 'rumour'],
  ['datePrecision', 'year', 'week'],
  ['geoPrecision', 'region', 'far'],
  ['location', { lat: 90, lon: -180 }, { lat: 90.5, lon: 0 }],
  ['releasableTo', ['SN', 'MR'], ['SN', 'SN']],
  ['source', { kind: 'article', name: null, reliability: 'F', credibility: 6 }, { kind: 'article', name: null, reliability: 'G', credibility: 6 }],
  ['source', { kind: 'other', name: null, reliability: null, credibility: 1 }, { kind: 'other', name: null, reliability: null, credibility: 7 }],
];

const patrolFields: [field: string, atLimit: unknown, pastLimit: unknown][] = [
  ['name', 'x'.repeat(200), ''],
  ['kind', 'national', 'regional'],
  ['nations', ['ML', 'SN', 'MR'], ['ML', 'ML']],
  ['unitIds', Array.from({ length: 50 }, (_, i) => `u${i}`), Array.from({ length: 51 }, (_, i) => `u${i}`)],
  ['plannedStart', '2026-12-03T06:00:00+00:00', '2026-02-30T06:00:00Z'],
  ['plannedEnd', '2026-12-03T18:00:00Z', '2026-12-03 18:00'],
  ['route', null, { type: 'LineString', coordinates: [[-12.2, 14.43]] }],
  ['leaderUserId', null, ''],
  ['reporterUserIds', ['a', 'b'], ['a', 'a']],
];

describe('a shared record is written once', () => {
  const httpIncident = httpAccepts(IncidentSchema);
  const httpIncidentInput = httpAccepts(IncidentInputSchema);
  const httpPatrol = httpAccepts(PatrolSchema);
  const httpPatrolInput = httpAccepts(PatrolInputSchema);

  it('accepts the sample records everywhere', () => {
    expect(isRecordBody('incident', incident)).toBe(true);
    expect(httpIncident(incident)).toBe(true);
    expect(isRecordBody('patrol', patrol)).toBe(true);
    expect(httpPatrol(patrol)).toBe(true);
  });

  it.each(incidentFields)('incident %s: the request, the HTTP check and a partner’s check share the limit', (field, atLimit, pastLimit) => {
    const input = { occurredAt: incident.occurredAt, location: incident.location, eventType: incident.eventType, subEventType: incident.subEventType };
    for (const [value, expected] of [
      [atLimit, true],
      [pastLimit, false],
    ] as const) {
      const record = { ...incident, [field]: value };
      expect(isRecordBody('incident', record), `partner's check of ${field}`).toBe(expected);
      expect(httpIncident(record), `HTTP check of ${field}`).toBe(expected);
      expect(httpIncidentInput({ ...input, [field]: value }), `request of ${field}`).toBe(expected);
    }
  });

  it.each(patrolFields)('patrol %s: the request, the HTTP check and a partner’s check share the limit', (field, atLimit, pastLimit) => {
    const input = { name: patrol.name, kind: patrol.kind, unitIds: patrol.unitIds, plannedStart: patrol.plannedStart, plannedEnd: patrol.plannedEnd };
    for (const [value, expected] of [
      [atLimit, true],
      [pastLimit, false],
    ] as const) {
      const record = { ...patrol, [field]: value };
      expect(isRecordBody('patrol', record), `partner's check of ${field}`).toBe(expected);
      expect(httpPatrol(record), `HTTP check of ${field}`).toBe(expected);
      expect(httpPatrolInput({ ...input, [field]: value }), `request of ${field}`).toBe(expected);
    }
  });

  it('refuses a field a request does not name; a copy may carry more than this node reads', () => {
    const input = { occurredAt: '2026-11-30', location: incident.location, eventType: 'Battles', subEventType: 'Armed clash' };
    expect(httpIncidentInput(input)).toBe(true);
    expect(httpIncidentInput({ ...input, extra: 1 })).toBe(false);
    expect(isRecordBody('incident', { ...incident, addedByANewerNode: 1 })).toBe(true);
  });

  it('no schema outside src/contracts writes a record’s own fields again', () => {
    // Fields no other shape of the API has: writing one as a schema elsewhere is a second copy.
    const distinctive =
      /\b(subEventType|plannedStart|plannedEnd|callSign|patrolVersion|datePrecision|geoPrecision)\s*:\s*(Type\.|Nullable\(|vocabulary\(|IsoDate)/;
    const files = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
      });
    const copies = files(join(ROOT, 'src'))
      .filter((file) => !file.startsWith(join(ROOT, 'src/contracts')))
      .filter((file) => distinctive.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(copies).toEqual([]);
  });
});
