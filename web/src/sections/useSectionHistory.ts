import { useEffect, useState } from 'react';
import { fetchSectionHistory } from '../api/endpoints';
import type { SectionHistory } from '../api/types';

/** A section's level and its changes; `revision` moves when the live stream reports a new level. */
export function useSectionHistory(sectionId: string, revision: number): { history: SectionHistory | null; failure: string | null } {
  const [history, setHistory] = useState<SectionHistory | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchSectionHistory(sectionId).then(
      (found) => {
        if (!live) return;
        setHistory(found);
        setFailure(null);
      },
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [sectionId, revision]);
  return { history: history?.current.section === sectionId ? history : null, failure };
}
