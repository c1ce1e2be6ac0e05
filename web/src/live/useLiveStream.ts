import { useEffect, useRef, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** The events of `/api/v1/stream`; each carries its JSON payload. */
export const LIVE_EVENTS = [
  'alert',
  'alert-cancelled',
  'level',
  'incident',
  'patrol',
  'positions',
  'incident-removed',
  'patrol-removed',
  // The session behind the stream ended (logout elsewhere, expiry, second factor reset): the node closes it.
  'session-ended',
] as const;
export type LiveEvent = (typeof LIVE_EVENTS)[number];
export type LiveHandlers = Partial<Record<LiveEvent, (data: unknown) => void>>;

/**
 * Subscribes to the node's server-sent events. The session cookie authenticates the stream; the
 * browser reconnects by itself after a cut (the node asks for a 3 s retry) and sends the id of the
 * last frame it read, so the node sends what was missed, in order, before the live frames. When
 * the node no longer keeps all of it (a long cut), it sends `reset` instead and `onResync` fetches
 * everything again. A page loaded afresh fetches its picture anyway, so it asks for no replay.
 */
export function useLiveStream(handlers: LiveHandlers, onResync: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  // Handlers change at every render; the connection must not.
  const current = useRef({ handlers, onResync });
  current.current = { handlers, onResync };

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/stream', { withCredentials: true });
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    source.addEventListener('reset', () => current.current.onResync());
    for (const name of LIVE_EVENTS) {
      source.addEventListener(name, (event) => {
        let data: unknown = null;
        try {
          data = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        current.current.handlers[name]?.(data);
      });
    }
    return () => source.close();
  }, []);

  return state;
}
