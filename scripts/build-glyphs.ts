/**
 * Part of `npm run build`: the map's label glyphs, made from the DejaVu fonts into `dist/glyphs/`
 * (served by GET /api/v1/map/glyphs/{fontstack}/{range}.pbf), so that no map waits for them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { builtGlyphDir, writeGlyphBlocks } from '../src/map/glyph-fonts.js';

const started = Date.now();
const dir = builtGlyphDir();
const count = writeGlyphBlocks(dir, (path, bytes) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
});
console.log(`glyphs: ${count} blocks in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
