import type { AlertFeed } from '../alerts/useAlerts';
import type { Alert, AlertCancel, Incident } from '../api/types';
import { type LiveState, useLiveStream } from '../live/useLiveStream';

interface WorkspaceStreamTargets {
  alerts: AlertFeed;
  reloadSections: () => void;
  /** Levels changed: the panels that show them read them again. */
  bumpLevels: () => void;
  upsert: (incident: Incident) => void;
  remove: (id: string) => void;
  reloadPatrols: () => void;
  onLogout: () => void;
  selectedPatrolId: string | null;
  /** New positions of the selected patrol: its track is read again. */
  bumpTrack: () => void;
  /** New positions of any patrol the officer may be shown: the map's track tiles are asked again. */
  tracksMoved: () => void;
  /** After a gap the stream could not replay: what only the workspace holds is read again. */
  resync: () => void;
}

/**
 * What each frame of the node's live stream changes in the workspace: alerts, levels, incidents,
 * patrols, the selected patrol's track, the end of the session; and, after a gap too old to
 * replay, every list read again.
 */
export function useWorkspaceStream(targets: WorkspaceStreamTargets): LiveState {
  const { alerts, reloadSections, bumpLevels, upsert, remove, reloadPatrols, onLogout, selectedPatrolId, bumpTrack, tracksMoved, resync } = targets;
  return useLiveStream(
    {
      alert: (data) => alerts.received(data as Alert),
      'alert-cancelled': (data) => alerts.cancelled(data as AlertCancel),
      level: () => {
        reloadSections();
        bumpLevels();
      },
      incident: (data) => upsert((data as { record: Incident }).record),
      'incident-removed': (data) => remove((data as { id: string }).id),
      // The stream carries the stored record; the list wants the API's view of it (approvals pending…).
      patrol: reloadPatrols,
      'patrol-removed': reloadPatrols,
      'session-ended': onLogout,
      positions: (data) => {
        if (selectedPatrolId && (data as { patrolId?: string }).patrolId === selectedPatrolId) bumpTrack();
        tracksMoved();
      },
    },
    () => {
      resync();
      reloadPatrols();
      reloadSections();
      alerts.reload();
      bumpLevels();
    },
  );
}
