import { useState } from 'react';
import { ApiError } from '../api/client';
import type { LoadedList } from '../api/useLoadedList';

interface SwitchOptions<T> {
  list: LoadedList<T>;
  idOf: (record: T) => string;
  /** The record as it reads once switched. */
  switched: (record: T, enabled: boolean) => T;
  send: (record: T, enabled: boolean) => Promise<T>;
  /** Shown when the node could not be asked at all. */
  failed: string;
}

/**
 * The on/off switch of a listed record (an alert rule, a webhook). It moves at once and moves
 * back if the node refuses, whose message is then shown.
 */
export function useSwitch<T>({ list, idOf, switched, send, failed }: SwitchOptions<T>) {
  const [switching, setSwitching] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const replace = (updated: T) => list.setItems((current) => current.map((other) => (idOf(other) === idOf(updated) ? updated : other)));
  const flip = async (record: T, enabled: boolean) => {
    setSwitching(idOf(record));
    setFailure(null);
    replace(switched(record, enabled));
    try {
      replace(await send(record, enabled));
    } catch (error) {
      replace(record);
      setFailure(error instanceof ApiError ? error.message : failed);
    } finally {
      setSwitching(null);
    }
  };
  return { switching, failure, flip };
}
