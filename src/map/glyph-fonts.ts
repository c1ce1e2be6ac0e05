import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import opentype, { type Font } from 'opentype.js';
import { glyphRangePbf } from './glyphs.js';

/**
 * The fonts the map's labels are drawn with: DejaVu (free licence, shipped as an npm package).
 * `npm run build` makes the blocks the region's names need (`GLYPH_BLOCKS`) into `dist/glyphs/`;
 * any other block is made on its first request (0.1 to 0.5 s) and kept.
 */
export const FONT_FILES: Readonly<Record<string, string>> = {
  'DejaVu Sans': 'DejaVuSans.ttf',
  'DejaVu Sans Bold': 'DejaVuSans-Bold.ttf',
};

/**
 * Latin letters and accents (French, Fula, Soninke, Wolof and Hassaniya transcriptions), the
 * letters of West African alphabets (ɓ ɗ ŋ ɛ ɔ), Latin Extended Additional and punctuation (’ – …).
 */
export const GLYPH_BLOCKS = [0, 256, 512, 7680, 8192] as const;

/** `dist/glyphs/` beside the compiled module, where the build writes the blocks. */
export function builtGlyphDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'glyphs');
}

export const glyphFileName = (font: string, start: number) => join(font, `${start}-${start + 255}.pbf`);

export interface GlyphLibrary {
  /** The PBF of one block of 256 code points; null when no font of the stack is known. */
  range(fontstack: string, start: number): Uint8Array | null;
}

/** Makes every block of `GLYPH_BLOCKS` of every font into `dir` (for the build). */
export function writeGlyphBlocks(dir: string, write: (path: string, bytes: Uint8Array) => void): number {
  const library = glyphLibrary(join(dir, '(none: made here)'));
  let count = 0;
  for (const font of Object.keys(FONT_FILES)) {
    for (const start of GLYPH_BLOCKS) {
      write(join(dir, glyphFileName(font, start)), library.range(font, start)!);
      count++;
    }
  }
  return count;
}

export function glyphLibrary(built: string = builtGlyphDir()): GlyphLibrary {
  const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const fonts = new Map<string, Font>();
  const blocks = new Map<string, Uint8Array>();
  const fontNamed = (name: string): Font => {
    let font = fonts.get(name);
    if (!font) {
      const bytes = readFileSync(join(fontDir, FONT_FILES[name]!));
      font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      fonts.set(name, font);
    }
    return font;
  };
  return {
    range(fontstack, start) {
      // MapLibre names a stack as the comma-joined list of its fonts: the first one known serves.
      const name = fontstack
        .split(',')
        .map((n) => n.trim())
        .find((n) => Object.hasOwn(FONT_FILES, n));
      if (name === undefined) return null;
      const key = `${name}|${start}`;
      let block = blocks.get(key);
      if (!block) {
        const file = join(built, glyphFileName(name, start));
        block = existsSync(file) ? new Uint8Array(readFileSync(file)) : glyphRangePbf(fontNamed(name), name, start);
        blocks.set(key, block);
      }
      return block;
    },
  };
}
