import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { NationCode } from '../kernel/nation.js';
import { isNationCode } from '../kernel/nation.js';
import type { Mechanism } from '../domain/mechanism.js';
import { showsPartnersPositions, type Releasable } from '../domain/sovereignty.js';
import { readStringArray } from './columns.js';
import type { Database } from './schema.js';

/**
 * The read rule of `domain/sovereignty.ts` as a WHERE clause: rows the nation owns or that were
 * released to it. Every read of a shared table goes through it, so a route cannot forget it; a
 * property test holds it equal to `isVisibleTo`.
 * `releasable_to` holds a JSON array of two-letter codes, so `"SN"` with its quotes matches one code only.
 */
export function visibleTo(nation: NationCode): RawBuilder<SqlBool> {
  if (!isNationCode(nation)) throw new Error(`not a nation code: ${nation}`);
  return sql<SqlBool>`(owner = ${nation} OR releasable_to LIKE ${`%"${nation}"%`})`;
}

/**
 * The twin of `positionsAudience` read with `isVisibleTo`, as a WHERE clause on patrols: the
 * patrols whose positions the nation may be shown. Its own; and those released to it, when the
 * mechanism's position policy names it (`showsPartnersPositions`).
 */
export function positionsVisibleTo(nation: NationCode, mechanism: Pick<Mechanism, 'sharingPolicy'>): RawBuilder<SqlBool> {
  if (!isNationCode(nation)) throw new Error(`not a nation code: ${nation}`);
  return showsPartnersPositions(mechanism, nation) ? visibleTo(nation) : sql<SqlBool>`(owner = ${nation})`;
}

/** The twin of `isDerivedFor`: rows computed for the nation's own audience (levels, history, alerts). */
export function derivedFor(nation: NationCode): RawBuilder<SqlBool> {
  if (!isNationCode(nation)) throw new Error(`not a nation code: ${nation}`);
  return sql<SqlBool>`(audience = ${nation})`;
}

/**
 * Each distinct releasability (owner and nations) among what `viewer` may see and what its derived
 * figures over a period rest on: incidents attributed to a section since `incidentsSince` (the
 * scores' look-back), patrols that went out (coverage), and overrides still running after
 * `overridesSince`. What a document of those figures may be handed to is decided on these
 * (`documentAudience` in domain/sovereignty.ts), from the viewer's own view only.
 */
export async function releasabilitiesBehind(db: Kysely<Database>, viewer: NationCode, since: { incidents: string; overrides: string }): Promise<Releasable[]> {
  const [incidents, patrols, overrides] = await Promise.all([
    db
      .selectFrom('incidents')
      .select(['owner', 'releasableTo'])
      .distinct()
      .where(visibleTo(viewer))
      .where('section', 'is not', null)
      .where('occurredAt', '>=', since.incidents)
      .execute(),
    db.selectFrom('patrols').select(['owner', 'releasableTo']).distinct().where(visibleTo(viewer)).where('status', 'in', ['underway', 'completed']).execute(),
    db.selectFrom('levelOverrides').select(['owner', 'releasableTo']).distinct().where(visibleTo(viewer)).where('expiresAt', '>', since.overrides).execute(),
  ]);
  return [...incidents, ...patrols, ...overrides].map((row) => ({ owner: row.owner, releasableTo: readStringArray(row.releasableTo) }));
}
