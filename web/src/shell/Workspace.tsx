import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { incidentTilesUrl, trackTilesUrl } from '../api/endpoints';
import type { Alert, Candidate, Incident, IncidentFeature, Patrol, User } from '../api/types';
import { AlertsPanel } from '../alerts/AlertsPanel';
import { useAlerts } from '../alerts/useAlerts';
import { CoveragePanel } from '../coverage/CoveragePanel';
import { NewsPanel } from '../news/NewsPanel';
import { useCandidates } from '../news/useCandidates';
import { IncidentForm, type PickedLocation } from '../incidents/IncidentForm';
import { IncidentsPanel } from '../incidents/IncidentsPanel';
import { NO_FILTER, matchesFilter, toQuery, type IncidentFilter } from '../incidents/filters';
import { useIncidentList } from '../incidents/useIncidentList';
import { useSelectedIncident } from '../incidents/useIncidents';
import { bboxParam, newestFirst, withinBounds, type Bounds } from '../incidents/view';
import { FrameIncidentsButton } from '../map/FrameIncidentsButton';
import { Legend } from '../map/Legend';
import { OperationalMap, type MapSelection, type PickMode } from '../map/OperationalMap';
import { loadView, saveView } from '../map/savedView';
import { PatrolForm } from '../patrols/PatrolForm';
import { PatrolsPanel } from '../patrols/PatrolsPanel';
import { usePatrolTrack } from '../patrols/usePatrolTrack';
import { usePatrols } from '../patrols/usePatrols';
import { can } from '../session/permissions';
import { DeskPanel, deskTabs } from '../field-desk/DeskPanel';
import { DetailsPanel } from './DetailsPanel';
import { boundsOf } from './geometry';
import { Header } from './Header';
import { TabStrip, type Tab } from './TabStrip';
import { useReferenceData } from './useReferenceData';
import { useWorkspaceStream } from './useWorkspaceStream';
import { useDraftPoints, useWorkspaceLayers } from './useWorkspaceLayers';

/** The form open in the side panel: a new record, or one being changed. */
type Editing = { kind: 'incident'; incident?: Incident } | { kind: 'patrol'; patrol?: Patrol } | null;

export function Workspace({ user, onLogout }: { user: User; onLogout: () => void }) {
  const { reference, reloadSections } = useReferenceData();
  const [filter, setFilter] = useState<IncidentFilter>(NO_FILTER);
  const [revision, setRevision] = useState(0);
  const query = useMemo(() => toQuery(filter), [filter]);
  const [bounds, setBounds] = useState<Bounds | null>(null);
  const { feed, upsert, remove, written, perDay, total, hasMore, showMore } = useIncidentList(
    query,
    filter.inView && bounds ? bboxParam(bounds) : undefined,
    revision,
  );
  const { patrols, replace: replacePatrol, reload: reloadPatrols } = usePatrols();
  const [tab, setTab] = useState<Tab>('incidents');
  const [editing, setEditing] = useState<Editing>(null);
  const [picking, setPicking] = useState<PickMode>(null);
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [route, setRoute] = useState<[number, number][]>([]);
  const [selection, setSelection] = useState<MapSelection | null>(null);
  const [focus, setFocus] = useState<{ lon: number; lat: number; key: number } | null>(null);
  const [frame, setFrame] = useState<{ bounds: Bounds; key: number } | null>(null);
  const [trackRevision, setTrackRevision] = useState(0);
  const [tracksRevision, setTracksRevision] = useState(0);
  const [levelRevision, setLevelRevision] = useState(0);
  const [gaps, setGaps] = useState<string[] | null>(null);
  const alerts = useAlerts(user.id);
  // Candidates are national and reviewed by the node's own analysts and coordinators; an
  // administrator may feed the queue an article without reviewing it.
  const reviewsNews = can(user, 'news.review');
  const readsNews = reviewsNews || can(user, 'news.ingest');
  const candidates = useCandidates(reviewsNews);

  const nations = reference.mechanism?.nations ?? [user.nodeNation];
  const partners = nations.filter((nation) => nation !== user.nodeNation);
  // What the mechanism's sharing policy releases a new record to, before the officer changes it.
  const defaultRelease = (kind: 'incident' | 'patrol') => (reference.mechanism?.sharingPolicy[kind] ?? []).filter((nation) => nation !== user.nodeNation);

  // Sorted once per change of the feed or filter, not at each move of the map.
  const filtered = useMemo(() => newestFirst(feed.incidents.filter((incident) => matchesFilter(incident.properties, filter))), [feed.incidents, filter]);
  const listed = useMemo(
    () => (filter.inView && bounds ? filtered.filter((incident) => withinBounds(incident, bounds)) : filtered),
    [filtered, filter.inView, bounds],
  );
  const selectedIncident = useSelectedIncident(selection?.kind === 'incident' ? selection.id : null, feed.incidents, written);
  const selectedPatrol = selection?.kind === 'patrol' ? (patrols.find((patrol) => patrol.id === selection.id) ?? null) : null;
  const track = usePatrolTrack(selectedPatrol, trackRevision);

  const liveState = useWorkspaceStream({
    alerts,
    reloadSections,
    bumpLevels: () => setLevelRevision((value) => value + 1),
    upsert,
    remove,
    reloadPatrols,
    onLogout,
    selectedPatrolId: selectedPatrol?.id ?? null,
    bumpTrack: () => setTrackRevision((value) => value + 1),
    tracksMoved: () => setTracksRevision((value) => value + 1),
    resync: () => {
      setRevision((value) => value + 1);
      if (reviewsNews) candidates.reload();
    },
  });

  const incidentTiles = useMemo(() => incidentTilesUrl(query), [query]);
  const trackTiles = useMemo(() => trackTilesUrl(query), [query]);
  const layers = useWorkspaceLayers({
    reference,
    patrols,
    route: editing?.kind === 'patrol' ? route : null,
    gaps: tab === 'coverage' ? gaps : null,
  });
  const draft = useDraftPoints(editing?.kind === 'incident' ? location : null, editing?.kind === 'patrol' ? route : null, selectedIncident);

  const savedView = useMemo(() => loadView(user.id), [user.id]);
  // Without a saved view, the first one frames where the incidents are; the whole length of every
  // border is too wide.
  const initialFrame = useMemo(() => {
    if (feed.loading) return null;
    const around = boundsOf({ type: 'FeatureCollection', features: feed.incidents });
    return around ?? boundsOf(reference.borders) ?? boundsOf(reference.sections);
  }, [feed.loading, feed.incidents, reference.borders, reference.sections]);

  const showOnMap = useCallback(
    (lon: number, lat: number) => {
      const inView = bounds && lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
      if (!inView) setFocus({ lon, lat, key: Date.now() });
    },
    [bounds],
  );

  const openIncident = useCallback(
    (incident: IncidentFeature) => {
      setSelection({ kind: 'incident', id: incident.properties.id });
      setTab('details');
      const [lon, lat] = incident.geometry.coordinates as [number, number];
      showOnMap(lon, lat);
    },
    [showOnMap],
  );

  const select = useCallback((picked: MapSelection) => {
    setSelection(picked);
    setTab(picked.kind === 'patrol' ? 'patrols' : 'details');
  }, []);

  const pick = useCallback(
    (lon: number, lat: number) => {
      if (picking === 'point') {
        setLocation({ lon, lat });
        setPicking(null);
      } else if (picking === 'route') {
        setRoute((current) => [...current, [lon, lat]]);
      }
    },
    [picking],
  );

  const stopEditing = () => {
    setEditing(null);
    setPicking(null);
    setLocation(null);
    setRoute([]);
  };

  const editPatrol = (patrol: Patrol) => {
    setRoute(patrol.axisId || !patrol.route ? [] : (patrol.route.coordinates as [number, number][]));
    setEditing({ kind: 'patrol', patrol });
  };

  const incidentSaved = (incident: Incident) => {
    stopEditing();
    feed.upsert(incident);
    setRevision((value) => value + 1);
    setSelection({ kind: 'incident', id: incident.id });
    setTab('details');
    showOnMap(incident.location.lon, incident.location.lat);
  };

  const patrolChanged = (patrol: Patrol) => {
    replacePatrol(patrol);
    setSelection({ kind: 'patrol', id: patrol.id });
  };

  const patrolSaved = (patrol: Patrol) => {
    stopEditing();
    patrolChanged(patrol);
    reloadPatrols();
    setTab('patrols');
  };

  const sectionMiddle = (id: string | null) => {
    const line = id ? reference.sections?.features.find((feature) => feature.properties.id === id)?.geometry.coordinates : undefined;
    const middle = line?.[Math.floor(line.length / 2)];
    return middle ? { lon: middle[0]!, lat: middle[1]! } : null;
  };

  const locateAlert = (alert: Alert) => {
    if (alert.cause.kind === 'incident') setSelection({ kind: 'incident', id: alert.cause.id });
    const where = alert.location ?? sectionMiddle(alert.section);
    if (where) setFocus({ lon: where.lon, lat: where.lat, key: Date.now() });
  };

  const openSection = (id: string, stay = false) => {
    setSelection({ kind: 'section', id });
    if (!stay) setTab('details');
    const where = sectionMiddle(id);
    if (where) setFocus({ lon: where.lon, lat: where.lat, key: Date.now() });
  };

  const candidateAccepted = (_candidate: Candidate, incident: Incident | null) => {
    setRevision((value) => value + 1);
    if (incident) {
      setSelection({ kind: 'incident', id: incident.id });
      showOnMap(incident.location.lon, incident.location.lat);
    }
  };

  // The queue has no live event of its own: opening the tab reads it afresh.
  const reloadCandidates = candidates.reload;
  useEffect(() => {
    if (tab === 'news' && reviewsNews) reloadCandidates();
  }, [tab, reviewsNews, reloadCandidates]);

  const tabs: Tab[] = ['incidents', 'patrols', 'coverage', 'alerts', ...(readsNews ? (['news'] as const) : []), ...deskTabs(user), 'details'];
  const eventTypes = reference.taxonomy ? Object.keys(reference.taxonomy.eventTypes) : [];

  let panel: ReactNode;
  if (editing?.kind === 'incident' && reference.taxonomy) {
    panel = (
      <IncidentForm
        key={editing.incident?.id ?? 'new'}
        user={user}
        incident={editing.incident}
        eventTypes={reference.taxonomy.eventTypes}
        partners={partners}
        defaultRelease={defaultRelease('incident')}
        location={location}
        picking={picking === 'point'}
        onPickOnMap={(on) => setPicking(on ? 'point' : null)}
        onLocation={(picked) => {
          setLocation(picked);
          setFocus({ ...picked, key: Date.now() });
        }}
        onSaved={incidentSaved}
        onCancel={stopEditing}
      />
    );
  } else if (editing?.kind === 'patrol') {
    panel = (
      <PatrolForm
        key={editing.patrol?.id ?? 'new'}
        patrol={editing.patrol}
        nodeNation={user.nodeNation}
        nations={nations}
        defaultRelease={defaultRelease('patrol')}
        units={reference.units}
        axes={reference.axes}
        route={route}
        drawing={picking === 'route'}
        onDraw={(on) => setPicking(on ? 'route' : null)}
        onClearRoute={() => setRoute([])}
        onSaved={patrolSaved}
        onCancel={stopEditing}
      />
    );
  } else {
    panel = (
      <>
        <TabStrip tabs={tabs} current={tab} onChoose={setTab} alertCount={alerts.unacknowledged} candidateCount={candidates.candidates.length} />
        <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'incidents' && (
            <IncidentsPanel
              filter={filter}
              onFilter={setFilter}
              query={query}
              eventTypes={eventTypes}
              sections={reference.sections}
              borders={reference.borders}
              nations={nations}
              incidents={listed}
              perDay={perDay}
              total={total}
              hasMore={hasMore}
              onMore={showMore}
              bounds={bounds}
              loading={feed.loading}
              failure={feed.failure}
              selectedId={selectedIncident?.properties.id ?? null}
              canReport={can(user, 'incident.create')}
              onOpen={openIncident}
              onNew={() => setEditing({ kind: 'incident' })}
            />
          )}
          {tab === 'patrols' && (
            <PatrolsPanel
              patrols={patrols}
              user={user}
              selectedId={selectedPatrol?.id ?? null}
              canPlan={can(user, 'patrol.create')}
              trackPoints={track ? track.properties.positions : null}
              onPlan={() => setEditing({ kind: 'patrol' })}
              onEdit={editPatrol}
              onSelect={(patrol) => setSelection({ kind: 'patrol', id: patrol.id })}
              onChanged={patrolChanged}
            />
          )}
          {tab === 'coverage' && (
            <CoveragePanel
              user={user}
              nations={nations}
              units={reference.units}
              revision={levelRevision}
              onGaps={setGaps}
              onOpenSection={(id) => openSection(id, true)}
              onDrafted={(id) => {
                reloadPatrols();
                setSelection({ kind: 'patrol', id });
                setTab('patrols');
              }}
            />
          )}
          {tab === 'alerts' && (
            <AlertsPanel
              feed={alerts}
              user={user}
              onLocate={locateAlert}
              eventTypes={eventTypes}
              axes={reference.axes}
              sections={reference.sections}
              posts={reference.posts}
              partners={partners}
              defaultRelease={defaultRelease('incident')}
            />
          )}
          {tab === 'news' && readsNews && (
            <NewsPanel
              queue={candidates}
              reviews={reviewsNews}
              eventTypes={reference.taxonomy?.eventTypes ?? {}}
              partners={partners}
              defaultRelease={defaultRelease('incident')}
              onAccepted={candidateAccepted}
            />
          )}
          <DeskPanel tab={tab} />
          {tab === 'details' && (
            <DetailsPanel
              user={user}
              selection={selection}
              incident={selectedIncident}
              reference={reference}
              levelRevision={levelRevision}
              partners={partners}
              defaultRelease={defaultRelease('incident')}
              onOpenSection={openSection}
              onEditIncident={(incident) => setEditing({ kind: 'incident', incident })}
              onIncidentChanged={(incident) => {
                feed.upsert(incident);
                setRevision((value) => value + 1);
              }}
              onOverridden={reloadSections}
            />
          )}
        </div>
      </>
    );
  }

  return (
    <div className="workspace">
      <Header user={user} mechanism={reference.mechanism} liveState={liveState} onLogout={onLogout} />
      <div className="workspace-body">
        <aside className="side-panel">{panel}</aside>
        <main className="map-area">
          <OperationalMap
            layers={layers}
            incidentTiles={incidentTiles}
            incidentsChanged={written}
            trackTiles={trackTiles}
            tracksChanged={tracksRevision}
            selectedPatrol={selectedPatrol?.id ?? null}
            draft={draft}
            picking={picking}
            savedView={savedView}
            initialFrame={initialFrame}
            frame={frame}
            focus={focus}
            onPick={pick}
            onSelect={select}
            onBoundsChange={setBounds}
            onViewChange={(view) => saveView(user.id, view)}
          />
          <FrameIncidentsButton query={query} disabled={total === 0} onFrame={(around) => setFrame({ bounds: around, key: Date.now() })} />
          <Legend />
        </main>
      </div>
    </div>
  );
}
