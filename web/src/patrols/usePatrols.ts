import { useCallback, useEffect, useState } from 'react';
import { fetchPatrols } from '../api/endpoints';
import type { Patrol } from '../api/types';

export function usePatrols(): { patrols: Patrol[]; reload: () => void; replace: (patrol: Patrol) => void } {
  const [patrols, setPatrols] = useState<Patrol[]>([]);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let live = true;
    fetchPatrols().then(
      (found) => live && setPatrols(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [revision]);
  const reload = useCallback(() => setRevision((value) => value + 1), []);
  const replace = useCallback(
    (patrol: Patrol) =>
      setPatrols((current) =>
        current.some((other) => other.id === patrol.id) ? current.map((other) => (other.id === patrol.id ? patrol : other)) : [patrol, ...current],
      ),
    [],
  );
  return { patrols, reload, replace };
}
