import { open, type FileHandle } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Compression, PMTiles, SharedPromiseCache, TileType, type RangeResponse, type Source } from 'pmtiles';

/**
 * A nation's own basemap as a PMTiles file (one file of vector tiles with its own index, as
 * Planetiler, tippecanoe or `pmtiles extract` write it), read from the local disk only: the
 * library is given a source that reads byte ranges of the file, never a URL.
 */
export interface PmtilesArchive {
  maxZoom: number;
  /** The file's own name for its content and the shape of its index, for the ETag. */
  signature: string;
  /** The tile's MVT bytes, unpacked; null where the archive has none. */
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

/** Byte ranges of a file on this machine: the only way the archive is read. */
class LocalFileSource implements Source {
  constructor(
    private readonly path: string,
    private readonly file: FileHandle,
  ) {}

  getKey(): string {
    return this.path;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const buffer = new Uint8Array(length);
    // The header is asked with a generous length: a small file answers with what it has.
    const { bytesRead } = await this.file.read(buffer, 0, length, offset);
    return { data: buffer.buffer.slice(0, bytesRead) };
  }
}

/** Node's own zlib instead of the browser's streams; zstd needs a newer Node than 20. */
async function decompress(data: ArrayBuffer, compression: Compression): Promise<ArrayBuffer> {
  const bytes = new Uint8Array(data);
  let plain: Uint8Array;
  if (compression === Compression.None || compression === Compression.Unknown) return data;
  if (compression === Compression.Gzip) plain = gunzipSync(bytes);
  else if (compression === Compression.Brotli) plain = brotliDecompressSync(bytes);
  else throw new Error(`the basemap extract is compressed with ${Compression[compression] ?? compression}, which this node cannot read: write it with gzip`);
  return plain.buffer.slice(plain.byteOffset, plain.byteOffset + plain.byteLength) as ArrayBuffer;
}

export async function openPmtiles(path: string): Promise<PmtilesArchive> {
  const file = await open(path, 'r');
  try {
    const source = new LocalFileSource(path, file);
    const archive = new PMTiles(source, new SharedPromiseCache(100, false, decompress), decompress);
    const header = await archive.getHeader();
    if (header.tileType !== TileType.Mvt) {
      throw new Error(`${path}: the basemap extract must hold vector tiles (MVT), not ${TileType[header.tileType] ?? header.tileType}`);
    }
    const metadata = ((await archive.getMetadata()) ?? {}) as Record<string, unknown>;
    return {
      maxZoom: header.maxZoom,
      signature: `${String(metadata.name ?? '')}|${String(metadata.version ?? '')}|${header.rootDirectoryLength}|${header.numTileContents}|${header.tileDataLength ?? ''}`,
      async tile(z, x, y) {
        const found = await archive.getZxy(z, x, y);
        return found ? new Uint8Array(found.data) : null;
      },
      close: () => file.close(),
    };
  } catch (error) {
    await file.close();
    throw error;
  }
}
