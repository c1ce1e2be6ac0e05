import { writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/**
 * Writes a small PMTiles (version 3) archive, as tile writers lay it out: a 127-byte header, the
 * root directory, the JSON metadata, then the tiles. The `pmtiles` package only reads, hence this.
 * One directory (no leaves), which is how an archive of a few thousand tiles is written anyway.
 */
export interface PmtilesTile {
  z: number;
  x: number;
  y: number;
  /** MVT bytes, not compressed: the writer compresses them as `tileCompression` says. */
  data: Uint8Array;
}

export type PmtilesCompression = 'none' | 'gzip' | 'brotli';

export interface PmtilesOptions {
  tileCompression?: PmtilesCompression;
  /** How the directory and the metadata are packed. */
  internalCompression?: PmtilesCompression;
  /** 1 = MVT, 2 = PNG… */
  tileType?: number;
  metadata?: Record<string, unknown>;
}

const CODE: Record<PmtilesCompression, number> = { none: 1, gzip: 2, brotli: 3 };

function pack(bytes: Uint8Array, how: PmtilesCompression): Uint8Array {
  if (how === 'gzip') return gzipSync(bytes);
  if (how === 'brotli') return brotliCompressSync(bytes);
  return bytes;
}

function varints(values: readonly number[]): number[] {
  const out: number[] = [];
  for (let value of values) {
    while (value >= 0x80) {
      out.push((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    out.push(value);
  }
  return out;
}

export function writePmtiles(path: string, tiles: readonly PmtilesTile[], options: PmtilesOptions = {}): void {
  const tileCompression = options.tileCompression ?? 'gzip';
  const internalCompression = options.internalCompression ?? 'gzip';
  const sorted = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), bytes: pack(t.data, tileCompression), ...t })).sort((a, b) => a.id - b.id);
  const offsets: number[] = [];
  let dataLength = 0;
  for (const tile of sorted) {
    offsets.push(dataLength);
    dataLength += tile.bytes.length;
  }
  // Tile ids as deltas, then run lengths, lengths, and offsets (0: right after the previous tile).
  const directory = pack(
    Uint8Array.from([
      ...varints([sorted.length]),
      ...varints(sorted.map((t, i) => t.id - (i === 0 ? 0 : sorted[i - 1]!.id))),
      ...varints(sorted.map(() => 1)),
      ...varints(sorted.map((t) => t.bytes.length)),
      ...varints(sorted.map((_, i) => (i === 0 ? offsets[0]! + 1 : 0))),
    ]),
    internalCompression,
  );
  const metadata = pack(new TextEncoder().encode(JSON.stringify(options.metadata ?? {})), internalCompression);
  const HEADER = 127;
  const header = Buffer.alloc(HEADER);
  header.write('PMTiles', 0, 'latin1');
  header.writeUInt8(3, 7);
  const u64 = (at: number, value: number) => header.writeBigUInt64LE(BigInt(value), at);
  u64(8, HEADER);
  u64(16, directory.length);
  u64(24, HEADER + directory.length);
  u64(32, metadata.length);
  u64(40, HEADER + directory.length + metadata.length);
  u64(48, 0);
  u64(56, HEADER + directory.length + metadata.length);
  u64(64, dataLength);
  u64(72, sorted.length);
  u64(80, sorted.length);
  u64(88, sorted.length);
  header.writeUInt8(1, 96); // clustered: tiles in id order
  header.writeUInt8(CODE[internalCompression], 97);
  header.writeUInt8(CODE[tileCompression], 98);
  header.writeUInt8(options.tileType ?? 1, 99);
  header.writeUInt8(Math.min(...sorted.map((t) => t.z)), 100);
  header.writeUInt8(Math.max(...sorted.map((t) => t.z)), 101);
  const e7 = (degrees: number) => Math.round(degrees * 1e7);
  header.writeInt32LE(e7(-18.5), 102);
  header.writeInt32LE(e7(9.5), 106);
  header.writeInt32LE(e7(-1), 110);
  header.writeInt32LE(e7(21), 114);
  header.writeUInt8(sorted[0]?.z ?? 0, 118);
  header.writeInt32LE(e7(-12.2), 119);
  header.writeInt32LE(e7(14.45), 123);
  writeFileSync(path, Buffer.concat([header, directory, metadata, ...sorted.map((t) => t.bytes)]));
}
