import { useCallback, useEffect, useState } from 'react';
import { fetchIncident, fetchIncidents, type IncidentQuery } from '../api/endpoints';
import type { Incident, IncidentFeature } from '../api/types';

export interface IncidentFeed {
  incidents: IncidentFeature[];
  loading: boolean;
  failure: string | null;
}

export interface LiveIncidentFeed extends IncidentFeed {
  /** A record pushed by the live stream, added or replacing its older version in place. */
  upsert: (incident: Incident) => void;
  /** A record the user may no longer see (narrowed releasability, deletion). */
  remove: (id: string) => void;
}

/** The map and list want GeoJSON; the stream sends the record with its location. */
export function asFeature(incident: Incident): IncidentFeature {
  const { location, ...properties } = incident;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [location.lon, location.lat] }, properties };
}

/**
 * Incidents matching the server-side filters; `revision` forces a reload after a write. Live
 * changes are applied in place rather than by reloading: with thousands of incidents in view a
 * reload per change would cost the whole feed each time (the list filters again in the browser).
 */
export function useIncidents(query: IncidentQuery, revision: number): LiveIncidentFeed {
  const [feed, setFeed] = useState<IncidentFeed>({ incidents: [], loading: true, failure: null });
  const key = JSON.stringify(query);
  // Only the node can tell whether a record matches a text search (French type names, accents):
  // while searching, live changes update listed records but add none.
  const searching = Boolean(query.q);
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

  const upsert = useCallback(
    (incident: Incident) => {
      if (!incident.location) return;
      const feature = asFeature(incident);
      setFeed((current) => {
        const index = current.incidents.findIndex((other) => other.properties.id === incident.id);
        if (index < 0) return searching ? current : { ...current, incidents: [...current.incidents, feature] };
        if (current.incidents[index]!.properties.version > incident.version) return current;
        const incidents = current.incidents.slice();
        incidents[index] = feature;
        return { ...current, incidents };
      });
    },
    [searching],
  );
  const remove = useCallback((id: string) => {
    setFeed((current) => ({ ...current, incidents: current.incidents.filter((other) => other.properties.id !== id) }));
  }, []);

  return { ...feed, upsert, remove };
}

/**
 * The incident selected on the map or in the list, as its full record: from the listed page when
 * it is there, else asked of the node by id (the map draws incidents the page does not hold).
 */
export function useSelectedIncident(id: string | null, listed: readonly IncidentFeature[], changed: unknown): IncidentFeature | null {
  const inList = id ? (listed.find((incident) => incident.properties.id === id) ?? null) : null;
  const [fetched, setFetched] = useState<IncidentFeature | null>(null);
  useEffect(() => {
    if (!id || inList) return;
    let live = true;
    fetchIncident(id).then(
      (incident) => {
        if (live) setFetched(asFeature(incident));
      },
      () => {
        if (live) setFetched(null);
      },
    );
    return () => {
      live = false;
    };
  }, [id, inList, changed]);
  if (inList) return inList;
  return fetched && fetched.properties.id === id ? fetched : null;
}
