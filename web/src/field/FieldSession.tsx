import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayPatrols, logOut, NodeRefusal, taxonomy } from './api';
import { FieldLogin } from './FieldLogin';
import { PatrolList } from './PatrolList';
import { PatrolScreen } from './PatrolScreen';
import { Recorder } from './recorder';
import { RefusedList } from './RefusedList';
import { StatusBar } from './StatusBar';
import { mergeDayPatrols, type PatrolOnDevice, type Profile, patrolsOnDevice, readMeta, writeMeta } from './store';
import { type SyncState, Syncer } from './sync';
import { type Fix, Tracker } from './tracking';

type View = { kind: 'list' } | { kind: 'patrol'; id: string } | { kind: 'refused' } | { kind: 'login' };

/** The leader's session: the day's patrols, what is recorded, and the outbox that carries it to the node. */
export function FieldSession({ profile, onLoggedIn, onLoggedOut }: { profile: Profile; onLoggedIn: (profile: Profile) => void; onLoggedOut: () => void }) {
  const { t } = useTranslation();
  const syncer = useMemo(() => new Syncer(), []);
  const [sync, setSync] = useState<SyncState | null>(null);
  const [patrols, setPatrols] = useState<PatrolOnDevice[]>([]);
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [gpsProblem, setGpsProblem] = useState<string | null>(null);

  const changed = useCallback((patrol: PatrolOnDevice) => setPatrols((all) => all.map((held) => (held.id === patrol.id ? patrol : held))), []);
  const recorder = useMemo(() => new Recorder(profile, syncer, changed), [profile, syncer, changed]);

  const loadHeld = useCallback(async () => {
    const held = (await patrolsOnDevice()).sort((a, b) => a.patrol.plannedStart.localeCompare(b.patrol.plannedStart));
    recorder.load(held);
    setPatrols(held);
  }, [recorder]);

  // What the device holds shows at once; the node's list of the day follows when there is a link.
  const refresh = useCallback(async () => {
    try {
      await mergeDayPatrols(await dayPatrols());
      await loadHeld();
    } catch (error) {
      if (error instanceof NodeRefusal && error.status === 401) syncer.sessionEnded();
    }
    try {
      const names = Object.keys((await taxonomy()).eventTypes);
      await writeMeta('eventTypes', names);
      setEventTypes(names);
    } catch {
      // the device's copy below
    }
  }, [loadHeld, syncer]);

  useEffect(() => {
    const stop = syncer.subscribe(setSync);
    void (async () => {
      setEventTypes((await readMeta<string[]>('eventTypes')) ?? []);
      await loadHeld();
      await syncer.begin(profile.id);
      if (navigator.onLine) await refresh();
    })();
    const online = () => void refresh();
    window.addEventListener('online', online);
    return () => {
      stop();
      syncer.end();
      window.removeEventListener('online', online);
    };
  }, [syncer, profile.id, loadHeld, refresh]);

  // One patrol at a time follows the device's position: the one under way with tracking on.
  const tracked = patrols.find((patrol) => patrol.tracking && patrol.localStatus === 'underway');
  const lastFixAt = useRef<number | null>(null);
  lastFixAt.current = tracked?.lastFix?.at ?? null;
  const trackedId = tracked?.id;
  const trackedInterval = tracked?.intervalS;
  useEffect(() => {
    if (!trackedId || !trackedInterval) return;
    const id = trackedId;
    const tracker = new Tracker(
      (fix: Fix) => {
        setGpsProblem(null);
        void recorder.position(id, fix);
      },
      (problem) => setGpsProblem(problem),
    );
    tracker.start(trackedInterval, lastFixAt.current);
    return () => tracker.stop();
  }, [trackedId, trackedInterval, recorder]);

  const signOut = async () => {
    await logOut().catch(() => undefined);
    onLoggedOut();
  };

  const current = view.kind === 'patrol' ? patrols.find((patrol) => patrol.id === view.id) : undefined;

  return (
    <div className="field-app">
      <StatusBar
        profile={profile}
        sync={sync}
        onSync={() => syncer.now_()}
        onRefused={() => setView({ kind: 'refused' })}
        onLogin={() => setView({ kind: 'login' })}
      />
      <main className="field-main">
        {view.kind === 'login' && (
          <FieldLogin
            username={profile.username}
            onCancel={() => setView({ kind: 'list' })}
            onLoggedIn={(next) => {
              setView({ kind: 'list' });
              onLoggedIn(next);
            }}
          />
        )}
        {view.kind === 'refused' && <RefusedList userId={profile.id} revision={sync?.refusedRevision ?? 0} onBack={() => setView({ kind: 'list' })} />}
        {view.kind === 'list' && (
          <PatrolList patrols={patrols} waiting={sync?.waiting ?? 0} onOpen={(id) => setView({ kind: 'patrol', id })} onSignOut={() => void signOut()} />
        )}
        {view.kind === 'patrol' && current && (
          <PatrolScreen
            patrol={current}
            recorder={recorder}
            eventTypes={eventTypes}
            gpsProblem={tracked?.id === current.id ? gpsProblem : null}
            onBack={() => setView({ kind: 'list' })}
          />
        )}
        {view.kind === 'patrol' && !current && <p>{t('field.patrols.none')}</p>}
      </main>
    </div>
  );
}
