import { useCallback } from 'react';
import { fetchPendingCandidates } from '../api/endpoints';
import { useLoadedList } from '../api/useLoadedList';
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
  const { items: candidates, loading, failure, reload, setItems } = useLoadedList(fetchPendingCandidates, enabled);
  const drop = useCallback((id: string) => setItems((current) => current.filter((candidate) => candidate.id !== id)), [setItems]);
  return { candidates, loading, failure, reload, drop };
}
