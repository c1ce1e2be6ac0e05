import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// The API document is checked by two independent validators (swagger-parser's validate, Redocly's
// lint: 0 errors each), and the node's answers are checked against it: every JSON GET route of the
// demo node, called as a coordinator, answers a body its documented schema accepts.

let demo: DemoNode;
let document: any;
let dir: string;
beforeAll(async () => {
  demo = await startDemoNode();
  document = (await demo.call('GET', '/api/docs/json')).body;
  dir = mkdtempSync(join(tmpdir(), 'diboli-openapi-'));
});
afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = () =>
  Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] })),
  );

/** GET routes with a path parameter, called with a record the demo holds. */
const SAMPLE_IDS: Record<string, string> = {
  '/api/v1/incidents/{id}': '/api/v1/incidents/demo-ml-0001',
  '/api/v1/patrols/{id}': '/api/v1/patrols/demo-patrol-launch',
  '/api/v1/patrols/{id}/observations': '/api/v1/patrols/demo-patrol-launch/observations',
  '/api/v1/patrols/{id}/track': '/api/v1/patrols/demo-patrol-launch/track',
  '/api/v1/sections/{id}/history': '/api/v1/sections/ML-SN-02/history',
};
/** Routes whose query has a required value. */
const SAMPLE_QUERIES: Record<string, string> = { '/api/v1/places': '?q=kayes' };

describe('the OpenAPI document', () => {
  it('passes swagger-parser’s validation', async () => {
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
  });

  it('has no error under Redocly’s recommended lint rules', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const cli = join(process.cwd(), 'node_modules/@redocly/cli/bin/cli.js');
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
    const run = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--format=json'], { env, maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; severity: string; location: { pointer: string }[] }[];
    };
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}`);
    console.log(
      `redocly lint: ${report.totals.errors} errors, ${report.totals.warnings} warnings (${report.problems
        .filter((p) => p.severity === 'warn')
        .map((p) => p.ruleId)
        .join(', ')})`,
    );
    expect(errors).toEqual([]);
  }, 60_000);

  it('names every operation once, says who serves it, and lists the 401 of every authenticated one', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const all = operations();
    expect(all.length).toBeGreaterThan(60);
    const ids = all.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const authenticated = all.filter(({ operation }) => !(Array.isArray(operation.security) && operation.security.length === 0));
    expect(authenticated.filter(({ operation }) => !operation.responses['401']).map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    // Error bodies are JSON whatever the success is (a CAP document, a PDF, a GPX file).
    const errorTypes = all.flatMap(({ operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([, r]: [string, any]) => Object.keys(r.content ?? {})),
    );
    expect([...new Set(errorTypes)]).toEqual(['application/json']);
  });

  it('describes what each JSON GET route of the demo node answers', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const checked: string[] = [];
    const failures: string[] = [];
    for (const { path, method, operation } of operations()) {
      if (method !== 'get' || path.startsWith('/federation/') || path === '/api/v1/stream') continue;
      if (path.includes('{') && !SAMPLE_IDS[path]) continue;
      const url = (SAMPLE_IDS[path] ?? path) + (SAMPLE_QUERIES[path] ?? '');
      const response = await demo.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await demo.token('coord.ml')}` } });
      const type = String(response.headers['content-type']);
      if (!/json/.test(type)) continue;
      const documented = operation.responses[String(response.statusCode)];
      if (!documented) {
        failures.push(`${url}: status ${response.statusCode} not documented`);
        continue;
      }
      const [media, content] = Object.entries(documented.content ?? {})[0] as [string, { schema: object }];
      if (!type.startsWith(media)) failures.push(`${url}: ${type} documented as ${media}`);
      const validate = ajv.compile(content.schema);
      if (!validate(response.json())) failures.push(`${url}: ${ajv.errorsText(validate.errors).slice(0, 300)}`);
      checked.push(url);
    }
    expect(failures).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(25);
  }, 60_000);
});
