import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The web UI takes the node's rules, vocabularies and record shapes from the node's own source
// (src/contracts, src/domain), not from copies; and only from its pure modules, so that nothing of
// the server (Node's modules, the store, the services) reaches the browser's bundle. The record
// schemas reach it as types only: their values (the schema library) stay on the node.

const ROOT = resolve(import.meta.dirname, '../..');
// A statement at the start of a line: `import|export [type] {names} | * as x | name from '…'`, or a bare `import '…'`.
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*(?:\{[^}]*\}|\*\s+as\s+\w+))?)\s+from\s+)?['"]([^'"]+)['"]/gm;

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(file: string): { specifier: string; typeOnly: boolean }[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => ({ specifier: match[2]!, typeOnly: Boolean(match[1]) }));
}

const resolveTs = (from: string, specifier: string) => resolve(dirname(from), specifier).replace(/(\.js)?$/, '.ts');

/**
 * The node's source files the web reaches, following their own imports, with the packages each
 * brings into the bundle: none for a file reached through type imports only, which the compiler
 * erases.
 */
function reachedNodeFiles(): Map<string, Set<string>> {
  const reached = new Map<string, Set<string>>();
  const byValue = new Set<string>();
  const queue = files(join(ROOT, 'web/src')).flatMap((file) =>
    imports(file)
      .filter(({ specifier }) => specifier.startsWith('.') && !resolve(dirname(file), specifier).startsWith(join(ROOT, 'web')))
      .map(({ specifier, typeOnly }) => ({ file: resolveTs(file, specifier), value: !typeOnly })),
  );
  while (queue.length > 0) {
    const { file, value } = queue.pop()!;
    if (reached.has(file) && (byValue.has(file) || !value)) continue;
    const packages = new Set<string>();
    reached.set(file, packages);
    if (value) byValue.add(file);
    for (const { specifier, typeOnly } of imports(file)) {
      if (specifier.startsWith('.')) queue.push({ file: resolveTs(file, specifier), value: value && !typeOnly });
      else if (value && !typeOnly) packages.add(specifier);
    }
  }
  return reached;
}

describe('the web UI and the node share one contract', () => {
  const reached = reachedNodeFiles();
  const names = [...reached.keys()].map((file) => relative(ROOT, file)).sort();

  it('reads permissions, levels, event types and record shapes from the node’s contracts and domain', () => {
    for (const needed of [
      'src/domain/permissions.ts',
      'src/domain/threat-level.ts',
      'src/domain/event-type-names.ts',
      'src/contracts/incident.ts',
      'src/contracts/patrol.ts',
      'src/contracts/vocabularies.ts',
      'src/domain/patrol-actions.ts',
      'src/domain/sovereignty.ts',
    ]) {
      expect(names).toContain(needed);
    }
  });

  it('reaches pure modules only: the contracts, the domain, the kernel and geometry, nothing of Node or the server', () => {
    expect(names.filter((name) => !/^src\/(contracts|domain|kernel|geo)\//.test(name))).toEqual([]);
    const packages = [...reached.values()].flatMap((set) => [...set]);
    expect(packages.filter((name) => name.startsWith('node:') || !/^(@turf\/|geojson$)/.test(name))).toEqual([]);
  });

  it('keeps no role table of its own', () => {
    const tables = files(join(ROOT, 'web/src')).filter((file) =>
      /new Set\(\[\s*'(coordinator|liaison|analyst|admin|patrol_lead)'/.test(readFileSync(file, 'utf8')),
    );
    expect(tables.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
