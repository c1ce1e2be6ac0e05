import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'web/src'))].map((path) => ({
  name: relative(root, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

/** Files other than `home` whose code (comments left out) matches `pattern`. */
function writtenOutside(home: string, pattern: RegExp): string[] {
  return files
    .filter((file) => file.name !== home)
    .filter((file) => pattern.test(file.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
    .map((file) => file.name);
}

describe('one place per rule', () => {
  it('lengths of time in milliseconds are named once, in kernel/durations.ts', () => {
    expect(writtenOutside('src/kernel/durations.ts', /\b(86_?400_?000|3_?600_?000|24 \* 60 \* 60 \* 1000|60 \* 60 \* 1000|864e5|36e5)\b/)).toEqual([]);
  });

  it('the Earth radius and the great-circle formula are written once, in geo/great-circle.ts', () => {
    expect(writtenOutside('src/geo/great-circle.ts', /\b6_?371\b|Math\.asin\(/)).toEqual([]);
  });
});
