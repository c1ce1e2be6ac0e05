/** The live stream's kept frames (migration 0010), as Kysely sees them; merged into `Database`. */
export interface StreamTables {
  streamEvents: StreamEventTable;
  streamHeads: StreamHeadTable;
}

/** One frame as one audience was sent it: its number in that audience's sequence, name and JSON body. */
export interface StreamEventTable {
  audience: string;
  seq: number;
  event: string;
  data: string;
  /** The record the frame tells of (`incident:ID`, `alert:ID`…), so that it can be taken back. */
  record: string | null;
  at: string;
}

/** Per audience: the last number given, and the last one dropped by the retention bound. */
export interface StreamHeadTable {
  audience: string;
  lastSeq: number;
  prunedThrough: number;
}
