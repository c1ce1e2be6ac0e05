import { useCallback, useMemo, useState } from 'react';
import { fetchIncidents, type IncidentQuery } from '../api/endpoints';
import type { Incident } from '../api/types';
import { boundsOf } from '../shell/geometry';
import { INCIDENT_LIMIT } from './filters';
import { useDailyCounts } from './useDailyCounts';
import { useIncidents } from './useIncidents';

/**
 * The list beside the map: a page of the newest incidents matching the filters and, when the list
 * keeps to the visible area, the map's box (`box`), more pages on request; the node's count per
 * day of the same incidents, for the chart and the total. `written` changes when incidents were
 * written or changed (a reload, a change the live stream tells through `upsert` and `remove`):
 * the map's tiles and the counts are asked again.
 */
export function useIncidentList(query: IncidentQuery, box: string | undefined, revision: number) {
  const [liveChanges, setLiveChanges] = useState(0);
  const listKey = JSON.stringify([query, box]);
  const [more, setMore] = useState({ key: '', pages: 1 });
  const pages = more.key === listKey ? more.pages : 1;
  const listQuery = useMemo(() => ({ ...query, bbox: box, limit: (query.limit ?? INCIDENT_LIMIT) * pages }), [query, box, pages]);
  const feed = useIncidents(listQuery, revision);
  const written = `${revision}/${liveChanges}`;
  const counts = useDailyCounts(
    useMemo(() => ({ ...query, bbox: box }), [query, box]),
    written,
  );
  const { upsert: upsertListed, remove: removeListed } = feed;
  const upsert = useCallback(
    (incident: Incident) => {
      upsertListed(incident);
      setLiveChanges((value) => value + 1);
    },
    [upsertListed],
  );
  const remove = useCallback(
    (id: string) => {
      removeListed(id);
      setLiveChanges((value) => value + 1);
    },
    [removeListed],
  );
  return {
    feed,
    upsert,
    remove,
    written,
    perDay: counts.perDay,
    /** How many match in all, or null while the node counts them. */
    total: counts.loading ? null : counts.perDay.reduce((sum, day) => sum + day.count, 0),
    hasMore: !feed.loading && feed.incidents.length >= listQuery.limit,
    showMore: () => setMore({ key: listKey, pages: pages + 1 }),
  };
}

/** The box of the filters' newest incidents anywhere, asked of the node (the list may keep to the view). */
export async function frameOfIncidents(query: IncidentQuery) {
  return boundsOf(await fetchIncidents(query));
}
