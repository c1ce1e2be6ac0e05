import { useEffect, useState } from 'react';
import { fetchDailyCounts, type IncidentQuery } from '../api/endpoints';
import type { DayCount } from './view';

/**
 * The node's count per day of the incidents matching the list's filters (and box): the chart
 * counts every matching incident without the page holding them. Asked again when `changed` does
 * (a write, a live change); the last answer stays shown meanwhile.
 */
export function useDailyCounts(query: IncidentQuery, changed: unknown): { perDay: DayCount[]; loading: boolean } {
  const [counts, setCounts] = useState<{ perDay: DayCount[]; loading: boolean }>({ perDay: [], loading: true });
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    setCounts((current) => ({ ...current, loading: true }));
    fetchDailyCounts(JSON.parse(key) as IncidentQuery).then(
      (counts) => {
        if (live) setCounts({ perDay: counts, loading: false });
      },
      () => {
        // The list shows the node's error; the chart keeps its last counts.
        if (live) setCounts((current) => ({ ...current, loading: false }));
      },
    );
    return () => {
      live = false;
    };
  }, [key, changed]);
  return counts;
}
