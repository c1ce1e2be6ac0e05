import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import opentype, { type Font } from 'opentype.js';
import { glyphRangePbf } from './glyphs.js';

/**
 * The fonts the map's labels are drawn with: DejaVu (free licence, shipped as an npm package),
 * made into glyph blocks on first request and kept. A block of Latin letters takes well under a
 * second to make; the map asks for two or three.
 */
export const FONT_FILES: Readonly<Record<string, string>> = {
  'DejaVu Sans': 'DejaVuSans.ttf',
  'DejaVu Sans Bold': 'DejaVuSans-Bold.ttf',
};

export interface GlyphLibrary {
  /** The PBF of one block of 256 code points; null when no font of the stack is known. */
  range(fontstack: string, start: number): Uint8Array | null;
}

export function glyphLibrary(): GlyphLibrary {
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
      const name = fontstack.split(',').map((n) => n.trim()).find((n) => Object.hasOwn(FONT_FILES, n));
      if (name === undefined) return null;
      const key = `${name}|${start}`;
      let block = blocks.get(key);
      if (!block) {
        block = glyphRangePbf(fontNamed(name), name, start);
        blocks.set(key, block);
      }
      return block;
    },
  };
}
