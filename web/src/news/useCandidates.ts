import { useCallback, useEffect, useState } from 'react';
import { fetchPendingCandidates } from '../api/endpoints';
import type { Candidate } from '../api/types';

export interface CandidateQueue {
  candidates: Candidate[];
  loading: boolean;
  failure: string | null;
  reload: () => void;
  /** A reviewed candidate leaves the queue at once, without waiting for the next reload. */
  drop: (id: string) => void;
}

export function useCandidates(enabled: boolean): CandidateQueue {
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [failure, setFailure] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setLoading(true);
    fetchPendingCandidates().then(
      (found) => {
        if (!live) return;
        setCandidates(found);
        setFailure(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (!live) return;
        setFailure(error instanceof Error ? error.message : String(error));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [enabled, revision]);
  const reload = useCallback(() => setRevision((value) => value + 1), []);
  const drop = useCallback((id: string) => setCandidates((current) => current.filter((candidate) => candidate.id !== id)), []);
  return { candidates, loading, failure, reload, drop };
}
