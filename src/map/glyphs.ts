import type { Font, PathCommand } from 'opentype.js';
import Pbf from 'pbf';

/**
 * Signed-distance-field glyphs for MapLibre's labels, made from a font's outlines in plain
 * JavaScript: the distance of each pixel to the outline is measured exactly on the flattened
 * curves (no canvas, no native build), then written in the glyph PBF format MapLibre reads.
 */

/** What MapLibre expects of every glyph: drawn at 24 px, 3 px of margin, 8 px of distance. */
export const GLYPH_SIZE = 24;
const BUFFER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;

export interface GlyphBitmap {
  id: number;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
  /** (width + 6) × (height + 6) bytes, one distance per pixel; empty for a blank glyph. */
  bitmap: Uint8Array;
}

type Segment = [number, number, number, number];

/** The outline as straight segments, curves cut in small steps (y grows downwards). */
function segmentsOf(commands: readonly PathCommand[]): Segment[] {
  const segments: Segment[] = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  const to = (nx: number, ny: number) => {
    if (nx !== x || ny !== y) segments.push([x, y, nx, ny]);
    [x, y] = [nx, ny];
  };
  const STEPS = 8;
  for (const c of commands) {
    if (c.type === 'M') {
      [x, y, startX, startY] = [c.x!, c.y!, c.x!, c.y!];
    } else if (c.type === 'L') {
      to(c.x!, c.y!);
    } else if (c.type === 'Q') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS;
        const u = 1 - t;
        to(u * u * x0 + 2 * u * t * c.x1! + t * t * c.x!, u * u * y0 + 2 * u * t * c.y1! + t * t * c.y!);
      }
    } else if (c.type === 'C') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS;
        const u = 1 - t;
        to(
          u * u * u * x0 + 3 * u * u * t * c.x1! + 3 * u * t * t * c.x2! + t * t * t * c.x!,
          u * u * u * y0 + 3 * u * u * t * c.y1! + 3 * u * t * t * c.y2! + t * t * t * c.y!,
        );
      }
    } else {
      to(startX, startY);
    }
  }
  return segments;
}

function distanceToSegment(px: number, py: number, [ax, ay, bx, by]: Segment): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return Math.sqrt(ex * ex + ey * ey);
}

/**
 * Where the outline crosses the row at height `py`, with the direction of each crossing: a pixel
 * is inside when the crossings to its right do not cancel out (non-zero winding, as TrueType and
 * CFF outlines are filled). Made once per row rather than once per pixel.
 */
function crossingsOf(py: number, segments: readonly Segment[]): [number, number][] {
  const crossings: [number, number][] = [];
  for (const [ax, ay, bx, by] of segments) {
    if ((ay <= py && by > py) || (by <= py && ay > py)) crossings.push([ax + ((py - ay) / (by - ay)) * (bx - ax), by > ay ? 1 : -1]);
  }
  return crossings;
}

function insideRow(px: number, crossings: readonly [number, number][]): boolean {
  let winding = 0;
  for (const [x, direction] of crossings) if (x > px) winding += direction;
  return winding !== 0;
}

/** Beyond this distance from the outline the field is 0 outside (255 inside) whatever the exact distance. */
const REACH = RADIUS * Math.max(1 - CUTOFF, CUTOFF);

export function glyphBitmap(font: Font, codePoint: number): GlyphBitmap | null {
  const char = String.fromCodePoint(codePoint);
  if (!font.hasChar(char)) return null;
  const glyph = font.charToGlyph(char);
  const advance = Math.round(((glyph.advanceWidth ?? 0) * GLYPH_SIZE) / font.unitsPerEm);
  const path = glyph.getPath(0, 0, GLYPH_SIZE);
  const segments = segmentsOf(path.commands);
  if (segments.length === 0) return { id: codePoint, width: 0, height: 0, left: 0, top: 0, advance, bitmap: new Uint8Array(0) };
  const box = path.getBoundingBox();
  const left = Math.floor(box.x1);
  const topY = Math.floor(box.y1);
  const width = Math.ceil(box.x2) - left;
  const height = Math.ceil(box.y2) - topY;
  const w = width + 2 * BUFFER;
  const h = height + 2 * BUFFER;
  const bitmap = new Uint8Array(w * h);
  for (let row = 0; row < h; row++) {
    const py = topY - BUFFER + row + 0.5;
    const crossings = crossingsOf(py, segments);
    // Only the segments within reach of the row can be the nearest where it matters.
    const near = segments.filter(([, ay, , by]) => Math.min(ay, by) - REACH <= py && py <= Math.max(ay, by) + REACH);
    for (let column = 0; column < w; column++) {
      const px = left - BUFFER + column + 0.5;
      let nearest = REACH;
      for (const segment of near) {
        if (Math.min(segment[0], segment[2]) - nearest > px || px > Math.max(segment[0], segment[2]) + nearest) continue;
        nearest = Math.min(nearest, distanceToSegment(px, py, segment));
      }
      const signed = insideRow(px, crossings) ? -nearest : nearest;
      bitmap[row * w + column] = Math.max(0, Math.min(255, Math.round(255 - 255 * (signed / RADIUS + CUTOFF))));
    }
  }
  return { id: codePoint, width, height, left, top: -topY, advance, bitmap };
}

/** MapLibre asks for glyphs by blocks of 256 code points: "0-255", "256-511"… */
export function parseGlyphRange(range: string): number | null {
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(range);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return start % 256 === 0 && end === start + 255 && end <= 0xffff ? start : null;
}

/** One block of glyphs of one font, as a PBF `glyphs { stacks { name, range, glyphs… } }`. */
export function glyphRangePbf(font: Font, fontName: string, start: number): Uint8Array {
  const glyphs: GlyphBitmap[] = [];
  for (let codePoint = start; codePoint < start + 256; codePoint++) {
    const glyph = glyphBitmap(font, codePoint);
    if (glyph) glyphs.push(glyph);
  }
  const pbf = new Pbf();
  pbf.writeMessage(
    1,
    (_: unknown, out: Pbf) => {
      out.writeStringField(1, fontName);
      out.writeStringField(2, `${start}-${start + 255}`);
      for (const g of glyphs) {
        out.writeMessage(
          3,
          (_glyph: unknown, field: Pbf) => {
            field.writeVarintField(1, g.id);
            if (g.bitmap.length > 0) field.writeBytesField(2, g.bitmap);
            field.writeVarintField(3, g.width);
            field.writeVarintField(4, g.height);
            field.writeSVarintField(5, g.left);
            field.writeSVarintField(6, g.top);
            field.writeVarintField(7, g.advance);
          },
          g,
        );
      }
    },
    null,
  );
  return pbf.finish();
}
