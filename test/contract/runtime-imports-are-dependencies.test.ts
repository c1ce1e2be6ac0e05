import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm ci --omit=dev` installs only `dependencies`: a package the node imports at run time but
// listed under `devDependencies` (as playwright-core was, for the PDF reports) is missing in
// production and fails only when that path first runs.

const root = new URL('../..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Packages a file loads when it runs: static imports and re-exports that are not `type`-only, and `import()`. */
function runtimePackages(text: string): string[] {
  const specifiers = [
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm)].map((match) => match[1]!),
    ...[...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((match) => match[1]!),
  ];
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

describe('what the node imports at run time', () => {
  it('reads static imports over several lines and dynamic imports, and skips type-only ones', () => {
    const text =
      "import {\n  a,\n  b,\n} from '@turf/length';\nimport type { X } from 'geojson';\nimport './side-effect.js';\nconst { chromium } = await import('playwright-core');\nexport { c } from 'csv-parse/sync';";
    expect(runtimePackages(text)).toEqual(['@turf/length', 'csv-parse', 'playwright-core']);
  });

  it('is listed in dependencies, not devDependencies', () => {
    const used = new Set(sources(join(root, 'src')).flatMap((file) => runtimePackages(readFileSync(file, 'utf8'))));
    expect(used).toContain('playwright-core');
    expect([...used].filter((name) => !(name in manifest.dependencies)).sort()).toEqual([]);
  });
});
