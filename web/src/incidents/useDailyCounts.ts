import { useEffect, useState } from 'react';
import { fetchDailyCounts, type IncidentQuery } from '../api/endpoints';
import type { DayCount } from './view';

/**
 * The node's count per day of the incidents matching the list's filters (and box): the chart
 * counts every matching incident without the page holding them. Asked again when `changed` does
 * (a write, a live change). `loading` holds until the counts of these very filters have come:
 * a count of the previous box is never shown as this one's, not even for one drawing.
 */
export function useDailyCounts(query: IncidentQuery, changed: unknown): { perDay: DayCount[]; loading: boolean } {
  const key = JSON.stringify(query);
  const [counts, setCounts] = useState<{ perDay: DayCount[]; key: string | null; changed: unknown }>({ perDay: [], key: null, changed: undefined });
  useEffect(() => {
    let live = true;
    fetchDailyCounts(JSON.parse(key) as IncidentQuery).then(
      (perDay) => {
        if (live) setCounts({ perDay, key, changed });
      },
      () => {
        // The list shows the node's error; the counts stay unknown.
      },
    );
    return () => {
      live = false;
    };
  }, [key, changed]);
  return { perDay: counts.perDay, loading: counts.key !== key || counts.changed !== changed };
}
