import type { Patrol } from '../../contracts/patrol.js';
import { pendingApprovals } from '../../domain/patrol-lifecycle.js';
import type { Unit } from '../../contracts/organisation.js';
import { geometryForSending } from '../../geo/geojson-output.js';
import type { Services } from '../services.js';

/** The patrol as the API shows it: its units spelled out and the nations still to approve. */
export function patrolView(organisation: Services['organisation']) {
  return async (patrol: Patrol, viewer: string) => {
    const units = await organisation.unitsVisibleTo(viewer);
    const byId = new Map(units.map((u) => [u.id, u]));
    return {
      ...patrol,
      route: geometryForSending(patrol.route),
      units: patrol.unitIds
        .map((id) => byId.get(id))
        .filter((u): u is Unit => u !== undefined)
        .map(({ id, nation, name, callSign, parentId }) => ({ id, nation, name, callSign, parentId })),
      pendingApprovals: pendingApprovals(patrol),
    };
  };
}
