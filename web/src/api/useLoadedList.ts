import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';

export interface LoadedList<T> {
  items: T[];
  /** True until the first answer; a reload keeps the list in sight while it runs. */
  loading: boolean;
  failure: string | null;
  reload: () => void;
  /** For changes known before the next reload (a live event, an action of the user). */
  setItems: Dispatch<SetStateAction<T[]>>;
}

/** A list read from the node when `enabled`, read again on `reload`. */
export function useLoadedList<T>(load: () => Promise<T[]>, enabled = true): LoadedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [failure, setFailure] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load().then(
      (found) => {
        if (!live) return;
        setItems(found);
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
  }, [load, enabled, revision]);
  const reload = useCallback(() => setRevision((value) => value + 1), []);
  return { items, loading, failure, reload, setItems };
}
