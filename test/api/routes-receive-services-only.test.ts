import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const API = join(import.meta.dirname, '../../src/api');
const ROUTES = join(API, 'routes');

function sources(folder: string): { file: string; text: string }[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [{ file: path.slice(API.length + 1), text: readFileSync(path, 'utf8') }] : [];
  });
}

/** Lines of `files` that match `pattern`, as `file: line` (empty when none does). */
function offending(files: { file: string; text: string }[], pattern: RegExp): string[] {
  return files.flatMap(({ file, text }) =>
    text
      .split('\n')
      .filter((line) => pattern.test(line))
      .map((line) => `${file}: ${line.trim()}`),
  );
}

describe('routes are a schema and a call into a service', () => {
  const routes = sources(ROUTES);

  it('finds the route modules', () => {
    expect(routes.map((r) => r.file)).toContain('routes/incidents.ts');
  });

  it('no route module imports the store or the node context (the composition root wires them)', () => {
    expect(offending(routes, /from '[./]*(store\/|services\/node-context\.js|composition\.js)/)).toEqual([]);
  });

  it('no route reaches a repository, the database or the node context through what it was given', () => {
    expect(offending(routes, /\.repos\b|\.store\b|\bnode\.(config|clock|nation|mechanism|events|release)\b/)).toEqual([]);
  });

  it('requests are typed by their schemas: no cast of a request part anywhere in src/api', () => {
    expect(offending(sources(API), /request\.(body|query|params|headers)\)? as |as Static</)).toEqual([]);
  });
});
