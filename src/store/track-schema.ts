/** The tables migration 0017 keeps for the map's track tiles (written by triggers only). */
export interface TrackTables {
  trackVertices: TrackVertexTable;
  trackAreaVersions: TrackAreaVersionTable;
}

/** The earliest position of a patrol in one cell of a level's grid during one hour. */
export interface TrackVertexTable {
  level: number;
  cellX: number;
  cellY: number;
  patrolId: string;
  /** `YYYY-MM-DDTHH`, the hour the position was taken in. */
  hour: string;
  at: string;
  lon: number;
  lat: number;
}

export interface TrackAreaVersionTable {
  audience: string;
  /** 0: the audience's own patrols; 1: partners' patrols released to it. */
  shared: number;
  cellX: number;
  cellY: number;
  version: number;
}
