import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The layer rules, read from the tables of docs/architecture.md (their one copy): a row whose
 * first cell is a `name` and whose last cell lists the `names` it allows, or `—` for none.
 */
function readRules(markdown: string): { layers: Record<string, string[]>; packages: Record<string, string[]> } {
  const rules = { layers: {} as Record<string, string[]>, packages: {} as Record<string, string[]> };
  let into: Record<string, string[]> | undefined;
  for (const line of markdown.split('\n')) {
    if (/^\| Layer \|/.test(line)) into = rules.layers;
    else if (/^\| Package \|/.test(line)) into = rules.packages;
    else if (!line.startsWith('|')) into = undefined;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const name = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
    if (!into || !name) continue;
    into[name] = [...(cells.at(-1) ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
  }
  return rules;
}

const table = readRules(readFileSync(join(root, 'docs/architecture.md'), 'utf8'));

function sourceFiles(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports, `import()` and `import x = require()`. */
function importsOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) found.push(first.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push(expression.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The layer of a file of src/: its first folder, or the file's own name for `src/config.ts`. */
function layerOf(pathInSrc: string): string {
  const [first] = pathInSrc.split(sep);
  return first!.replace(/\.(tsx?|js)$/, '');
}

function violations(srcFolder: string): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(srcFolder)) {
    const from = layerOf(relative(srcFolder, file));
    const allowed = table.layers[from];
    const name = relative(dirname(srcFolder), file).split(sep).join('/');
    if (!allowed) {
      found.push(`${name}: its folder "${from}" is no layer of docs/architecture.md`);
      continue;
    }
    for (const specifier of importsOf(file, readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        const inSrc = relative(srcFolder, target);
        if (inSrc.startsWith('..')) {
          found.push(`${name} imports ${specifier}, outside src/`);
          continue;
        }
        const to = layerOf(inSrc);
        if (to !== from && !allowed.includes(to)) found.push(`${name} imports ${specifier} (${from} may not import ${to})`);
      } else {
        for (const [prefix, layers] of Object.entries(table.packages)) {
          if (specifier.startsWith(prefix) && !layers.includes(from)) {
            found.push(`${name} imports ${specifier} (only ${layers.join(', ')} may import ${prefix})`);
          }
        }
      }
    }
  }
  return found;
}

describe('layers', () => {
  it('every import of src/ follows the tables of docs/architecture.md', () => {
    expect(violations(join(root, 'src'))).toEqual([]);
  });

  it('reads both tables of the document', () => {
    expect(Object.keys(table.layers)).toEqual([
      'kernel',
      'contracts',
      'geo',
      'domain',
      'osint',
      'exchange',
      'tak',
      'store',
      'map',
      'federation',
      'config',
      'services',
      'api',
      'composition',
      'cli',
    ]);
    expect(table.layers.kernel).toEqual([]);
    expect(table.layers.contracts).toEqual(['kernel']);
    expect(table.layers.domain).toEqual(['kernel', 'contracts', 'geo']);
    expect(table.packages['@turf/']).toEqual(['geo']);
    expect(table.packages.kysely).toEqual(['store']);
  });

  it('every layer names only layers of the table', () => {
    for (const [layer, allowed] of Object.entries(table.layers)) {
      for (const other of allowed) expect(table.layers, `${layer} allows ${other}`).toHaveProperty(other);
    }
  });

  it('names the file and the import of each breach, and accepts what the table allows', () => {
    const tree = mkdtempSync(join(tmpdir(), 'layers-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(tree, 'src', path)), { recursive: true });
        writeFileSync(join(tree, 'src', path), text);
      };
      write('kernel/nation.ts', 'export type NationCode = string;\n');
      write('geo/line.ts', "import type { NationCode } from '../kernel/nation.js';\nimport { length } from '@turf/length';\n");
      write('domain/rule.ts', "import type { Row } from '../store/rows.js';\nimport { along } from '@turf/along';\nimport { x } from '../geo/line.js';\n");
      write('store/rows.ts', "export type Row = { id: string };\nimport type { Envelope } from '../federation/envelope.js';\n");
      write('federation/envelope.ts', 'export interface Envelope { id: string }\n');
      write('scripts/odd.ts', '\n');
      expect(violations(join(tree, 'src'))).toEqual([
        'src/domain/rule.ts imports ../store/rows.js (domain may not import store)',
        'src/domain/rule.ts imports @turf/along (only geo may import @turf/)',
        'src/scripts/odd.ts: its folder "scripts" is no layer of docs/architecture.md',
        'src/store/rows.ts imports ../federation/envelope.js (store may not import federation)',
      ]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('reads every kind of import, type-only ones included', () => {
    const text = [
      "import type { A } from '../store/a.js';",
      "import '../osint/side-effect.js';",
      "export { B } from '../services/b.js';",
      "const c = await import('../federation/c.js');",
      "type D = import('../api/d.js').D;",
      "import e = require('../cli/e.js');",
    ].join('\n');
    expect(importsOf('x.ts', text)).toEqual([
      '../store/a.js',
      '../osint/side-effect.js',
      '../services/b.js',
      '../federation/c.js',
      '../api/d.js',
      '../cli/e.js',
    ]);
  });
});
