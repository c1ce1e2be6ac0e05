import Pbf from 'pbf';

/** A property's value as a vector tile carries it. */
export type TileValue = string | number | boolean;

/** MVT's geometry command "move to" for one point: command 1, count 1 (spec 4.3.1). */
const MOVE_TO_ONE = (1 & 0x7) | (1 << 3);
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

/**
 * A vector tile of one layer of points, written straight into protocol buffers (Mapbox Vector
 * Tile 2.1). The incident tiles hold hundreds of points with the same six properties; building a
 * GeoJSON-like object per point for a general encoder, which then indexes every property's key and
 * value through string-built lookups, cost as much as reading the rows. Here keys and values are
 * indexed as they come (a value seen before is written once), and each point keeps only integers.
 */
export class MvtPointLayer {
  private readonly keys = new Map<string, number>();
  private readonly values = new Map<TileValue, number>();
  private readonly features: { id: number | undefined; x: number; y: number; tags: number[] }[] = [];
  private current: number[] = [];

  constructor(
    private readonly name: string,
    private readonly extent: number,
  ) {}

  /** Starts a point at tile coordinates (x, y); the properties that follow are its own. */
  point(x: number, y: number, id?: number): this {
    this.current = [];
    this.features.push({ id, x: Math.round(x), y: Math.round(y), tags: this.current });
    return this;
  }

  /** A property of the point last started. */
  property(key: string, value: TileValue): this {
    this.current.push(indexOf(this.keys, key), indexOf(this.values, value));
    return this;
  }

  get size(): number {
    return this.features.length;
  }

  /** The tile's bytes: this layer alone. */
  bytes(): Uint8Array {
    const pbf = new Pbf();
    pbf.writeMessage(3, (_: undefined, out: Pbf) => this.writeLayer(out), undefined);
    return pbf.finish();
  }

  private writeLayer(out: Pbf): void {
    out.writeVarintField(15, 2);
    out.writeStringField(1, this.name);
    for (const feature of this.features) {
      out.writeMessage(
        2,
        (f: typeof feature, o: Pbf) => {
          if (f.id !== undefined) o.writeVarintField(1, f.id);
          if (f.tags.length > 0) o.writePackedVarint(2, f.tags);
          o.writeVarintField(3, 1);
          o.writePackedVarint(4, [MOVE_TO_ONE, zigzag(f.x), zigzag(f.y)]);
        },
        feature,
      );
    }
    for (const key of this.keys.keys()) out.writeStringField(3, key);
    for (const value of this.values.keys()) out.writeMessage(4, writeValue, value);
    out.writeVarintField(5, this.extent);
  }
}

function indexOf<T>(index: Map<T, number>, item: T): number {
  let at = index.get(item);
  if (at === undefined) {
    at = index.size;
    index.set(item, at);
  }
  return at;
}

/** A value message: strings, booleans, whole numbers as unsigned or signed integers, others as doubles. */
function writeValue(value: TileValue, out: Pbf): void {
  if (typeof value === 'string') out.writeStringField(1, value);
  else if (typeof value === 'boolean') out.writeBooleanField(7, value);
  else if (!Number.isInteger(value)) out.writeDoubleField(3, value);
  else if (value < 0) out.writeSVarintField(6, value);
  else out.writeVarintField(5, value);
}
