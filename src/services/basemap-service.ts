import { DiboliError } from '../domain/errors.js';
import { basemapTilesOf } from '../map/basemap-source.js';
import { basemapStyle } from '../map/basemap-style.js';
import { isTileOnGrid, type BasemapTiles } from '../map/basemap-tiles.js';
import { glyphLibrary } from '../map/glyph-fonts.js';
import { parseGlyphRange } from '../map/glyphs.js';
import type { NodeContext } from './node-context.js';
import { tileCache } from './tile-cache.js';

/** Bytes to send with the tag that names them: the same tag, the same bytes. */
export interface TaggedBytes {
  etag: string;
  /** Gzipped once, when first asked, and kept: not compressed again for every map that asks. */
  gzipped: Buffer;
}

/**
 * The basemap the node serves: its MapLibre style, vector tiles and label glyphs. Reference
 * geography only (no record of any nation), the same for every logged-in user. The tiles are made
 * on first use (or read from the nation's own extract) and kept until the node closes.
 */
export class BasemapService {
  private tiles: Promise<BasemapTiles> | undefined;
  private readonly glyphs = glyphLibrary();
  private readonly kept = tileCache(async (bytes: () => Uint8Array | Promise<Uint8Array>) => {
    const plain = await bytes();
    return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  });

  constructor(private readonly node: NodeContext) {}

  private basemap(): Promise<BasemapTiles> {
    const { node } = this;
    this.tiles ??= basemapTilesOf(node.mechanism.nations, node.repos.geography, node.config.basemapExtract);
    return this.tiles;
  }

  /** The style, every URL of it on `origin` (the browser's own address for the node). */
  async style(origin: string): Promise<Record<string, unknown>> {
    const { maxZoom } = await this.basemap();
    return basemapStyle({ origin, maxZoom, extract: this.node.config.basemapExtract !== undefined });
  }

  async tile(z: number, x: number, y: number): Promise<TaggedBytes> {
    const source = await this.basemap();
    if (!isTileOnGrid(z, x, y) || z > source.maxZoom) throw new DiboliError('ERR_BAD_TILE', { z, x, y, max: source.maxZoom });
    return { etag: `"${source.version}"`, gzipped: await this.kept(`tile ${source.version} ${z}/${x}/${y}`, () => source.tile(z, x, y)) };
  }

  async glyphRange(fontstack: string, range: string): Promise<TaggedBytes> {
    const start = parseGlyphRange(range);
    if (start === null) throw new DiboliError('ERR_BAD_GLYPH_RANGE', { value: range }, 'range');
    const block = this.glyphs.range(fontstack, start);
    if (block === null) throw new DiboliError('ERR_NOT_FOUND', { kind: 'font', id: fontstack });
    return { etag: '"glyphs-1"', gzipped: await this.kept(`glyphs ${fontstack} ${start}`, () => block) };
  }

  async close(): Promise<void> {
    if (this.tiles) await (await this.tiles).close();
  }
}
