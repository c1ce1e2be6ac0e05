/** The tables migrations 0017, 0019 and 0021 keep for the map's track tiles (written by triggers only). */
export interface TrackTables {
  trackVertices: TrackVertexTable;
  trackAreaVersions: TrackAreaVersionTable;
  trackCellCounts: TrackCellCountTable;
  trackLongSegments: TrackLongSegmentTable;
}

/** The earliest position of a patrol in one cell of a level's grid during one period. */
export interface TrackVertexTable {
  level: number;
  cellX: number;
  cellY: number;
  patrolId: string;
  /** The day (`YYYY-MM-DD`, levels 12 and 14) or hour (`YYYY-MM-DDTHH`, levels 16 and 18) the position was taken in. */
  period: string;
  at: string;
  lon: number;
  lat: number;
}

export interface TrackAreaVersionTable {
  audience: string;
  /** 0: the audience's own patrols; 1: partners' patrols released to it. */
  partners: number;
  cellX: number;
  cellY: number;
  version: number;
}

/** Patrol-days in one cell of a level's grid during one period, per releasability of the patrols. */
export interface TrackCellCountTable {
  level: number;
  /** `d` a day (`YYYY-MM-DD`), `w` a week (its Monday), `m` a month (`YYYY-MM`), `y` a year (`YYYY`). */
  span: string;
  cellX: number;
  cellY: number;
  period: string;
  owner: string;
  /** The patrols' `releasable_to` as they hold it (a JSON array). */
  releasableTo: string;
  patrolDays: number;
}

/** R*Tree over the boxes of long track segments: `id` is the seq of the segment's first position, `toSeq` that of the next. */
export interface TrackLongSegmentTable {
  id: number;
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
  toSeq: number;
}
