import type { PositionReport } from '../contracts/observation.js';
import type { Patrol } from '../contracts/patrol.js';
import { MINUTE_MS } from '../kernel/durations.js';
import type { Releasable } from '../domain/sovereignty.js';
import { COT_UNKNOWN, markingLine, type CotEvent } from './cot-event.js';

/**
 * A patrol's last position as a unit's position report (PLI): a friendly ground combat unit
 * (`a-f-G-U-C`), placed by a machine's GPS (`m-g`), stale after ten minutes without news as a TAK
 * client's own PLI would be. The marking is the positions' audience (the mechanism's position
 * policy), not the patrol's: who may see where it is, rather than who may read its plan.
 */
export const PLI_COT_TYPE = 'a-f-G-U-C';
export const PLI_STALE_MS = 10 * MINUTE_MS;
export const PATROL_UID_PREFIX = 'diboli.patrol.';

export function positionToCot(patrol: Pick<Patrol, 'id' | 'name' | 'status'>, audience: Releasable, position: PositionReport, now: Date): CotEvent {
  const at = Date.parse(position.at);
  return {
    uid: `${PATROL_UID_PREFIX}${patrol.id}`,
    type: PLI_COT_TYPE,
    how: 'm-g',
    time: now.toISOString(),
    start: position.at,
    stale: new Date(Math.max(at, now.getTime()) + PLI_STALE_MS).toISOString(),
    point: { lat: position.lat, lon: position.lon, hae: COT_UNKNOWN, ce: 10, le: COT_UNKNOWN },
    detail: {
      callsign: patrol.name,
      remarks: [markingLine(audience), `Patrol ${patrol.name} (${patrol.status}) at ${position.at}`].join('\n'),
      marking: { owner: audience.owner, releasableTo: audience.releasableTo },
    },
  };
}
