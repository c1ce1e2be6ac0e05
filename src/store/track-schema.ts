/** The tables migration 0017 keeps for the map's track tiles (written by triggers only). */
export interface TrackTables {
  trackVertices: TrackVertexTable;
  trackAreaVersions: TrackAreaVersionTable;
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
