import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/composition.js';
import { installDemo } from '../../src/cli/demo.js';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { loadConfig } from '../../src/config.js';
import { openStore, type Store } from '../../src/store/database.js';
import {
  BAD_BEARERS,
  BAD_COOKIES,
  choices,
  hostileText,
  hostileValue,
  idFor,
  jsonText,
  operationsOf,
  plant,
  plausible,
  respell,
  WHOLE_BODIES,
  WRONG_TYPES,
  type Choices,
  type Credentials,
  type HostileRequest,
  type Operation,
} from './fuzz-requests.js';

// A test the issue asks for: requests of hostile values to every route and method of the node's
// OpenAPI document, as a coordinator and anonymously. None may answer 5xx, none refused may write,
// and every refusal is exactly `{code, message, field?}`. FUZZ_SEED replays a run.

const REQUESTS = 5200;
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const OWN_ORIGIN = 'http://localhost';

/**
 * Tables whose rows record a refusal or a session rather than a record: the audit log and the
 * per-minute tally of refused partner calls (both audited by design), sessions and login
 * bookkeeping (a failed login is counted), replay nonces. Every other table must be untouched by
 * a refused request.
 */
const BOOKKEEPING = /audit|session|login|nonce|throttle|refusal|kysely/i;
/** node_meta also holds the audit chain's head, which moves with the audit log. */
const BOOKKEEPING_ROWS: Record<string, string> = { node_meta: "key NOT LIKE '%audit%'" };

const MUTATIONS = [
  'valid',
  'leaf',
  'leaf',
  'leaf',
  'extra-field',
  'whole-body',
  'content-type',
  'query',
  'query',
  'path-param',
  'respell',
  'credentials',
  'method',
] as const;
type Mutation = (typeof MUTATIONS)[number];

let dir: string;
let store: Store;
let app: FastifyInstance;
let token: string;
let operations: Operation[];

/** Counts every row written to a record table, through temporary triggers on the node's own connection. */
function watchWrites(sqlite: Store['sqlite']): () => Record<string, number> {
  // The spatial index (a virtual table and its shadow tables) follows the incidents table, watched.
  const virtual = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'").all() as { name: string }[]).map(
    (row) => row.name,
  );
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
    .map((row) => row.name)
    .filter((name) => !BOOKKEEPING.test(name) && !virtual.some((index) => name === index || name.startsWith(`${index}_`)));
  sqlite.exec('CREATE TEMP TABLE fuzz_writes (name TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  for (const table of tables) {
    sqlite.prepare('INSERT INTO temp.fuzz_writes VALUES (?, 0)').run(table);
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const rows = BOOKKEEPING_ROWS[table]?.replace(/\bkey\b/g, event === 'DELETE' ? 'OLD.key' : 'NEW.key');
      sqlite.exec(
        `CREATE TEMP TRIGGER "fuzz_${table}_${event}" AFTER ${event} ON main."${table}" ${rows ? `WHEN ${rows}` : ''} BEGIN UPDATE fuzz_writes SET n = n + 1 WHERE name = '${table}'; END`,
      );
    }
  }
  const read = sqlite.prepare('SELECT name, n FROM temp.fuzz_writes');
  return () => Object.fromEntries((read.all() as { name: string; n: number }[]).map((row) => [row.name, row.n]));
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until work that a successful write set off (levels, alerts, webhook attempts) is over. */
async function quiet(writes: () => Record<string, number>): Promise<void> {
  for (let round = 0; round < 200; round++) {
    const before = total(writes());
    await sleep(15);
    if (total(writes()) === before) return;
  }
}

const REFUSED_CREDENTIALS: Credentials[] = ['anonymous', 'bad-cookie', 'bad-bearer'];

function credentialHeaders(credentials: Credentials, rng: Choices): Record<string, string> {
  switch (credentials) {
    case 'coordinator':
      return { authorization: `Bearer ${token}` };
    case 'anonymous':
      return {};
    case 'bad-cookie':
      return { cookie: rng.pick(BAD_COOKIES) };
    case 'bad-bearer':
      return { authorization: rng.pick(BAD_BEARERS) };
    case 'cookie-foreign-origin':
      return { cookie: `diboli_token=${token}`, origin: rng.pick(['https://attacker.example', 'null', 'http://localhost:8081']) };
    case 'cookie-own-origin':
      return { cookie: `diboli_token=${token}`, origin: OWN_ORIGIN };
  }
}

function buildRequest(operation: Operation, mutation: Mutation, rng: Choices, leaf: unknown, text: string): HostileRequest {
  let method = operation.method;
  let credentials: Credentials = 'coordinator';
  const params = Object.fromEntries(operation.pathParams.map((name) => [name, name === 'n' ? '1' : idFor(operation.path, rng)]));
  const query: [string, string][] = Object.entries(operation.query)
    .filter(([name]) => rng.chance(0.5) || ['from', 'to', 'q'].includes(name))
    .map(([name, schema]) => [name, String(plausible(schema, rng, name))]);
  let body: unknown = operation.body ? plausible(operation.body, rng) : undefined;
  let payload: string | undefined;
  let contentType = 'application/json';
  let rawPath: string | undefined;

  switch (mutation) {
    case 'leaf':
      body = plant(body ?? {}, leaf, rng, operation.body);
      break;
    case 'extra-field':
      if (typeof body === 'object' && body !== null) (body as Record<string, unknown>)[rng.pick(['extra', '__proto__', 'constructor', 'toString', ''])] = leaf;
      else body = { extra: leaf };
      break;
    case 'whole-body':
      payload = rng.pick(WHOLE_BODIES);
      break;
    case 'content-type':
      contentType = rng.pick(WRONG_TYPES);
      body ??= {};
      break;
    case 'query': {
      const names = [...Object.keys(operation.query), 'unknown', 'limit'];
      const name = rng.pick(names);
      const value = rng.chance(0.8) ? encodeURIComponent(text) : text.replace(/[#?&\s]/g, '');
      query.push([name, value]);
      if (rng.chance(0.2)) query.push([name, encodeURIComponent(text)]);
      break;
    }
    case 'path-param':
      if (operation.pathParams.length > 0) params[rng.pick(operation.pathParams)] = rng.chance(0.7) ? encodeURIComponent(text) : text.replace(/[#?/\s]/g, '');
      else query.push(['id', encodeURIComponent(text)]);
      break;
    case 'respell':
      rawPath = respell(fillPath(operation.path, params), rng);
      break;
    case 'credentials':
      credentials = rng.pick(['anonymous', 'anonymous', 'bad-cookie', 'bad-bearer', 'cookie-foreign-origin', 'cookie-own-origin'] as const);
      if (rng.chance(0.5)) body = plant(body ?? {}, leaf, rng, operation.body);
      break;
    case 'method':
      method = rng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => m !== operation.method));
      body ??= {};
      break;
    case 'valid':
      break;
  }
  // A session ended here would end the run's credentials; refused logouts are tried.
  if (operation.path === '/api/v1/auth/logout' && (credentials === 'coordinator' || credentials === 'cookie-own-origin')) credentials = 'anonymous';
  // An accepted stream never ends; refused ones are tried.
  if (operation.path === '/api/v1/stream' && method === 'GET' && !REFUSED_CREDENTIALS.includes(credentials)) credentials = 'bad-cookie';

  const path = rawPath ?? fillPath(operation.path, params);
  const search = query.length > 0 ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
  if (payload === undefined && body !== undefined && method !== 'GET') payload = jsonText(body);
  const headers: Record<string, string> = {
    ...credentialHeaders(credentials, rng),
    'accept-language': rng.pick(['fr', 'en', 'en-GB,en;q=0.8', '*', 'xx;q=abc']),
  };
  if (payload !== undefined && contentType !== '') headers['content-type'] = contentType;
  return { method, url: `${path}${search}`, headers, payload: method === 'GET' ? undefined : payload, credentials, mutation };
}

function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_whole, name: string) => params[name] ?? 'x');
}

/** `{code, message, field?, errors?}` and nothing else, with a catalogue-looking code; `errors` lists `{field, message}`. */
function errorShapeProblem(status: number, contentType: string, body: string): string | undefined {
  if (!contentType.startsWith('application/json')) return `content type ${contentType}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'not JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'not an object';
  const { code, message, field, errors, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `extra keys ${Object.keys(rest).join(',')}`;
  if (
    errors !== undefined &&
    !(Array.isArray(errors) && errors.every((e) => typeof e?.field === 'string' && typeof e?.message === 'string' && Object.keys(e).length === 2))
  ) {
    return 'errors not a list of {field, message}';
  }
  if (typeof code !== 'string' || !/^ERR_[A-Z_]+$/.test(code)) return `code ${String(code)}`;
  if (typeof message !== 'string' || message === '') return 'no message';
  if (field !== undefined && typeof field !== 'string') return 'field not text';
  return status >= 400 ? undefined : `status ${status}`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diboli-fuzz-'));
  const config = loadConfig({ dataDir: dir }, {});
  store = await openStore(dir);
  const node = await installDemo(store, config);
  // Housekeeping off and one webhook attempt: background work follows requests, never comes later.
  app = await buildApp(node, { webRoot: false, earlyWarning: { tickMs: 0, webhooks: { maxAttempts: 1, timeoutMs: 500 } } });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'coord.ml', password: DEMO_PASSWORD, code: new DemoAuthenticators().codeFor('coord.ml', new Date()) },
  });
  token = (login.json() as { token: string }).token;
  operations = operationsOf((await app.inject({ method: 'GET', url: '/api/docs/json' })).json());
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile requests from the OpenAPI document', () => {
  // 5,200 requests take half a minute on an idle machine and several minutes on a loaded one.
  it(`never answer 5xx, never write when refused, and always refuse in the catalogue's shape (seed ${SEED})`, async () => {
    expect(operations.length).toBeGreaterThan(50);
    // Said before the run, so that a run that never ends still names its seed.
    console.log(`openapi fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    const writes = watchWrites(store.sqlite);
    await quiet(writes);
    const plans = fc.sample(fc.record({ mutation: fc.constantFrom(...MUTATIONS), seed: fc.integer(), leaf: hostileValue, text: hostileText }), {
      seed: SEED,
      numRuns: REQUESTS,
    });
    const statuses = new Map<number, number>();
    const byOperation = new Map<string, number>();
    const failures: string[] = [];
    const slowest: [number, string][] = [];
    let serverErrors = 0;
    let sent = 0;
    for (const [index, plan] of plans.entries()) {
      const operation = operations[index % operations.length]!;
      const request = buildRequest(operation, plan.mutation, choices(plan.seed), plan.leaf, plan.text);
      const before = writes();
      const started = performance.now();
      const answer = await app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, payload: request.payload });
      slowest.push([performance.now() - started, `${request.mutation} ${request.method} ${request.url.slice(0, 100)} → ${answer.statusCode}`]);
      slowest.sort((a, b) => b[0] - a[0]).splice(3);
      sent++;
      statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
      byOperation.set(`${operation.method} ${operation.path}`, (byOperation.get(`${operation.method} ${operation.path}`) ?? 0) + 1);
      const what = `#${index} ${request.mutation}/${request.credentials} ${request.method} ${request.url.slice(0, 160)} ${String(request.payload ?? '').slice(0, 160)} → ${answer.statusCode}`;
      if (answer.statusCode >= 500) {
        serverErrors++;
        failures.push(`${what} ${answer.body.slice(0, 200)}`);
      }
      if (answer.statusCode >= 200 && answer.statusCode < 300) {
        if (request.method !== 'GET') await quiet(writes);
        continue;
      }
      const after = writes();
      const written = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (written.length > 0) failures.push(`${what} wrote to ${written.join(', ')}`);
      const problem = errorShapeProblem(answer.statusCode, String(answer.headers['content-type'] ?? ''), answer.body);
      if (problem) failures.push(`${what} error body: ${problem}: ${answer.body.slice(0, 200)}`);
    }
    console.log(
      `openapi fuzz (seed ${SEED}): ${sent} requests over ${byOperation.size} operations, ${serverErrors} answered 5xx; statuses ${JSON.stringify(Object.fromEntries(statuses))}; slowest ${slowest.map(([ms, what]) => `${Math.round(ms)} ms ${what}`).join('; ')}`,
    );
    expect(failures.slice(0, 25)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(5000);
    expect(serverErrors).toBe(0);
    expect(byOperation.size).toBe(operations.length);
    // The run's credentials held to the end: the coordinator was heard, not locked out.
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  }, 600_000);
});
