import { useEffect, useState } from 'react';
import { fetchIncidents, type IncidentQuery } from '../api/endpoints';
import type { IncidentFeature } from '../api/types';

export interface IncidentFeed {
  incidents: IncidentFeature[];
  loading: boolean;
  failure: string | null;
}

/** Incidents matching the server-side filters; `revision` forces a reload after a write. */
export function useIncidents(query: IncidentQuery, revision: number): IncidentFeed {
  const [feed, setFeed] = useState<IncidentFeed>({ incidents: [], loading: true, failure: null });
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    setFeed((current) => ({ ...current, loading: true }));
    fetchIncidents(JSON.parse(key) as IncidentQuery).then(
      (collection) => {
        if (live) setFeed({ incidents: collection.features, loading: false, failure: null });
      },
      (error: unknown) => {
        if (live) setFeed({ incidents: [], loading: false, failure: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, revision]);
  return feed;
}
