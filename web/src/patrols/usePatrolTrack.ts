import { useEffect, useState } from 'react';
import { fetchTrack } from '../api/endpoints';
import type { Patrol, Track } from '../api/types';

/**
 * The selected patrol's track, fetched when it is selected (again when it changes status or the
 * stream reports positions: `revision`), dropped when another record is.
 */
export function usePatrolTrack(patrol: Patrol | null, revision: number): Track | null {
  const [track, setTrack] = useState<Track | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fetched again on a new patrol or status, not on every new copy of the same patrol.
  useEffect(() => {
    if (!patrol) {
      setTrack(null);
      return;
    }
    let live = true;
    fetchTrack(patrol.id).then(
      (found) => live && setTrack(found),
      () => live && setTrack(null),
    );
    return () => {
      live = false;
    };
  }, [patrol?.id, patrol?.status, revision]);
  return track;
}
