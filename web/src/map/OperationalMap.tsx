import 'maplibre-gl/dist/maplibre-gl.css';
import maplibregl, { type GeoJSONSource, type StyleSpecification, type VectorTileSource } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bearerHeaders } from '../api/client';
import { fetchMapStyle } from '../api/endpoints';
import type { Bounds } from '../incidents/view';
import { formatNumber } from '../i18n/format';
import { showClusterCounts } from './clusterCounts';
import type { MapView } from './savedView';
import { CLICKABLE_LAYERS, CLUSTER_COUNT_LAYER, SOURCE, TRACK_LAYERS, clusterCountText, operationalStyle, selectedTrackFilter } from './style';
import { SHAPE_PARTS, mergeShapes, type ShapePart } from './shapes';

export type MapLayerData = Partial<Record<ShapePart | 'posts', FeatureCollection | Feature | null>>;

/** What a click on the map designates; the workspace looks the full record up by id. */
export interface MapSelection {
  kind: 'incident' | 'section' | 'border' | 'axis' | 'post' | 'patrol';
  id: string;
}

const LAYER_KIND: Record<string, MapSelection['kind']> = {
  incidents: 'incident',
  sections: 'section',
  borders: 'border',
  axes: 'axis',
  posts: 'post',
  'patrol-routes': 'patrol',
  'patrol-tracks': 'patrol',
};

export type PickMode = 'point' | 'route' | null;

interface OperationalMapProps {
  layers: MapLayerData;
  /** Where the incident tiles are asked for (the list's filters are in it). */
  incidentTiles: string;
  /** Changes when incidents were written or arrived: the map asks its tiles again (304 where unchanged). */
  incidentsChanged: unknown;
  /** Where the patrols' track tiles are asked for (the list's period is in it). */
  trackTiles: string;
  /** Changes when positions arrived: the map asks its track tiles again. */
  tracksChanged: unknown;
  /** The patrol whose track is drawn over the others, or null. */
  selectedPatrol: string | null;
  /** Points of the record being placed or drawn, and the ring of the selected incident. */
  draft: FeatureCollection<Geometry>;
  picking: PickMode;
  /** Where this officer left the map last time on this browser; it opens there again. */
  savedView: MapView | null;
  /** Frame of the data once it has arrived (null until then); shown if there is no saved view. */
  initialFrame: Bounds | null;
  /** Box to fit when it changes (the officer asked to see every incident listed). */
  frame: { bounds: Bounds; key: number } | null;
  /** Point to centre on when it changes (a record picked in a list). */
  focus: { lon: number; lat: number; key: number } | null;
  onPick: (lon: number, lat: number) => void;
  onSelect: (selection: MapSelection) => void;
  onBoundsChange: (bounds: Bounds) => void;
  onViewChange: (view: MapView) => void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const DEFAULT_VIEW = { center: [-11.5, 14.2] as [number, number], zoom: 6 };
/** How long the map waits for the incidents before opening without them (saved or default view). */
const FRAME_WAIT_MS = 1500;
const FRAME_OPTIONS = { padding: 60, maxZoom: 9 } as const;
/**
 * Positions arrive every few seconds from every patrol under way: the track tiles are asked again
 * at most this often (each a 304 where no position the officer may see was written).
 */
const TRACK_REFRESH_MS = 15_000;

// The map's workers start while the session and the data load, not once the map is wanted.
maplibregl.prewarm();

export function OperationalMap(props: OperationalMapProps) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [waited, setWaited] = useState(false);
  const [failed, setFailed] = useState(false);
  const [drawn, setDrawn] = useState<number | null>(null);
  const [showTracks, setShowTracks] = useState(true);
  const status = useRef<HTMLParagraphElement>(null);
  // Handlers read the latest props without re-binding the map's events.
  const latest = useRef(props);
  latest.current = props;
  // The coverage popup speaks the officer's language of the moment, without rebuilding the map.
  const coverageText = useRef((count: number) => String(count));
  coverageText.current = (count) => t('map.coverageCell', { count, shown: formatNumber(count, i18n.language, 0) });
  const framed = useRef(false);
  // Only the layers whose data changed are sent again: re-clustering ten thousand incidents
  // because the axes arrived would stall the first drawing.
  const sent = useRef(new Map<string, unknown>());

  // The map is made once the incidents are in (or after FRAME_WAIT_MS), with the data already at
  // hand inside its style: each source then cuts its tiles once, at the zoom they are seen at, and
  // the map's first drawings do not compete with the list for the page. It opens where the officer
  // left it, or else on the frame of the incidents. A map made at once on a saved view measured
  // slower for both the map and the list: its shapes were sent, cut and drawn twice.
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), FRAME_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  // The node's basemap style (null while it loads, false if the node could not give it: the map
  // then opens on the country outlines it has).
  const [basemap, setBasemap] = useState<StyleSpecification | false | null>(null);
  useEffect(() => {
    let live = true;
    fetchMapStyle().then(
      (style) => live && setBasemap(style),
      () => live && setBasemap(false),
    );
    return () => {
      live = false;
    };
  }, []);
  const canCreate = (props.initialFrame !== null || waited) && basemap !== null;

  useEffect(() => {
    if (!container.current || !canCreate) return;
    const { layers, draft, savedView, initialFrame } = latest.current;
    for (const [name, value] of Object.entries(layers)) sent.current.set(name, value);
    sent.current.set('points', draft);
    framed.current = savedView !== null || initialFrame !== null;
    const camera = savedView ?? (initialFrame ? { bounds: initialFrame, fitBoundsOptions: FRAME_OPTIONS } : DEFAULT_VIEW);
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: container.current,
        style: operationalStyle({ shapes: mergeShapes(layers), posts: layers.posts, draft }, basemap || null, {
          incidents: latest.current.incidentTiles,
          tracks: latest.current.trackTiles,
        }),
        ...camera,
        attributionControl: false,
        // Labels appear at once: a fade would only cost frames (each one expensive on machines
        // drawing without a GPU) after every move and tile.
        fadeDuration: 0,
        // The tiles and glyphs are the node's: they go with the session, cookie or bearer copy.
        transformRequest: (url) => (url.startsWith(`${location.origin}/`) ? { url, headers: bearerHeaders(), credentials: 'same-origin' } : { url }),
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
      });
    } catch {
      setFailed(true);
      return;
    }
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.touchZoomRotate.disableRotation();

    // The view is kept from the first drawing on, so that the next visit opens on the same frame
    // even if the officer never moved the map.
    const reportView = () => {
      const b = map.getBounds();
      latest.current.onBoundsChange([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
      const { lng, lat } = map.getCenter();
      latest.current.onViewChange({ center: [lng, lat], zoom: map.getZoom() });
    };
    const countDrawn = () => {
      let count = 0;
      const counted = new Set<string>();
      for (const feature of map.queryRenderedFeatures({ layers: ['incidents'] })) {
        // A feature of a tile still shown beside its replacement is counted once.
        const key = `${String(feature.properties.id ?? '')}@${JSON.stringify(feature.geometry)}`;
        if (counted.has(key)) continue;
        counted.add(key);
        count += (feature.properties.point_count as number | undefined) ?? 1;
      }
      // Written at once: the render this state change asks for may wait behind the list's,
      // which the same drawing started by reporting the map's bounds.
      status.current?.setAttribute('data-drawn', String(count));
      // Idle: every tile and glyph of the view is drawn, until the map asks for more.
      status.current?.setAttribute('data-settled', 'true');
      setDrawn(count);
    };

    map.once('style.load', () => setReady(true));
    map.on('load', reportView);
    map.on('moveend', reportView);
    map.on('idle', countDrawn);
    map.on('dataloading', () => status.current?.setAttribute('data-settled', 'false'));
    map.on('click', (event) => {
      const { picking, onPick, onSelect } = latest.current;
      if (picking) {
        onPick(event.lngLat.lng, event.lngLat.lat);
        return;
      }
      const layers = CLICKABLE_LAYERS.filter((id) => map.getLayer(id));
      const hit = map.queryRenderedFeatures(event.point, { layers: [...layers] })[0];
      if (!hit) return;
      if (hit.layer.id === 'incidents' && hit.properties.point_count !== undefined) {
        // A counted cell: closer in, the node sends its incidents one by one.
        if (hit.geometry.type === 'Point') map.easeTo({ center: hit.geometry.coordinates as [number, number], zoom: map.getZoom() + 2 });
        return;
      }
      if (hit.layer.id === 'patrol-coverage') {
        // A counted cell of patrol coverage: how often patrols passed there in the period.
        const text = coverageText.current(Number(hit.properties.patrolDays));
        new maplibregl.Popup({ closeButton: true, className: 'coverage-popup' }).setLngLat(event.lngLat).setText(text).addTo(map);
        return;
      }
      const kind = LAYER_KIND[hit.layer.id];
      // A track's line names its patrol; every other feature carries its own id.
      const id = hit.layer.id === 'patrol-tracks' ? hit.properties.patrol : hit.properties.id;
      if (kind && typeof id === 'string') onSelect({ kind, id });
    });
    for (const layer of CLICKABLE_LAYERS) {
      map.on('mouseenter', layer, () => {
        if (!latest.current.picking) map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = latest.current.picking ? 'crosshair' : '';
      });
    }
    return () => {
      mapRef.current = null;
      sent.current.clear();
      setReady(false);
      map.remove();
    };
  }, [canCreate, basemap]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    // With the basemap's glyphs MapLibre draws the numbers; without them, HTML labels do.
    if (map.getLayer(CLUSTER_COUNT_LAYER)) {
      map.setLayoutProperty(CLUSTER_COUNT_LAYER, 'text-field', clusterCountText(i18n.language));
      return;
    }
    return showClusterCounts(map, (count) => formatNumber(count, i18n.language, 0));
  }, [ready, i18n.language]);

  // Sent while React commits, not in a later task: while the map is drawing its first frames the
  // page is busy, and a passive effect can wait there for half a second.
  useLayoutEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const frame = props.initialFrame;
    if (frame && !framed.current) {
      framed.current = true;
      map.fitBounds(frame, { ...FRAME_OPTIONS, duration: 0 });
    }
    const parts = { ...props.layers, points: props.draft };
    const changed = new Set<string>();
    for (const [name, value] of Object.entries(parts)) {
      if ((sent.current.get(name) ?? null) === (value ?? null)) continue;
      sent.current.set(name, value);
      changed.add(name);
    }
    const source = (id: string) => map.getSource(id) as GeoJSONSource;
    if (SHAPE_PARTS.some((part) => changed.has(part))) source(SOURCE.shapes).setData(mergeShapes(props.layers));
    if (changed.has('posts')) source(SOURCE.posts).setData(props.layers.posts ?? EMPTY);
    if (changed.has('points')) source(SOURCE.draft).setData(props.draft);
  }, [ready, props.layers, props.draft, props.initialFrame]);

  // Other filters or written incidents: the tiles are asked for again. The browser revalidates
  // each with its ETag, and the node answers 304 for the tiles whose area did not change.
  const tilesShown = useRef({ url: props.incidentTiles, changed: props.incidentsChanged });
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const shown = tilesShown.current;
    if (shown.url === props.incidentTiles && shown.changed === props.incidentsChanged) return;
    tilesShown.current = { url: props.incidentTiles, changed: props.incidentsChanged };
    (map.getSource(SOURCE.incidents) as VectorTileSource | undefined)?.setTiles([props.incidentTiles]);
  }, [ready, props.incidentTiles, props.incidentsChanged]);

  const tracksShown = useRef({ url: props.trackTiles, changed: props.tracksChanged, at: 0 });
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const shown = tracksShown.current;
    if (shown.url === props.trackTiles && shown.changed === props.tracksChanged) return;
    const refresh = () => {
      tracksShown.current = { url: props.trackTiles, changed: props.tracksChanged, at: Date.now() };
      (map.getSource(SOURCE.tracks) as VectorTileSource | undefined)?.setTiles([props.trackTiles]);
    };
    // Other filters are shown at once; new positions wait for the next refresh.
    const wait = shown.url === props.trackTiles ? shown.at + TRACK_REFRESH_MS - Date.now() : 0;
    if (wait <= 0) return refresh();
    const timer = setTimeout(refresh, wait);
    return () => clearTimeout(timer);
  }, [ready, props.trackTiles, props.tracksChanged]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    for (const layer of TRACK_LAYERS) if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', showTracks ? 'visible' : 'none');
  }, [ready, showTracks]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !map.getLayer('patrol-track-selected')) return;
    map.setFilter('patrol-track-selected', selectedTrackFilter(props.selectedPatrol));
  }, [ready, props.selectedPatrol]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.getCanvas().style.cursor = props.picking ? 'crosshair' : '';
  }, [props.picking]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !props.frame) return;
    map.fitBounds(props.frame.bounds, FRAME_OPTIONS);
  }, [ready, props.frame]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !props.focus) return;
    map.easeTo({ center: [props.focus.lon, props.focus.lat], zoom: Math.max(map.getZoom(), 9) });
  }, [ready, props.focus]);

  return (
    <div className="map-frame">
      {/* biome-ignore lint/a11y/useSemanticElements: MapLibre fills this element with its canvas; a named region lets readers skip it. */}
      <div ref={container} className="map" role="region" aria-label={t('map.label')} data-testid="map" />
      {failed && <p className="map-failure">{t('map.unavailable')}</p>}
      <label className="map-layer-toggle">
        <input type="checkbox" checked={showTracks} onChange={(event) => setShowTracks(event.target.checked)} data-testid="show-tracks" />
        {t('map.tracks')}
      </label>
      {props.picking && (
        <p className="map-hint" role="status">
          {t(props.picking === 'point' ? 'map.pickHint' : 'map.routeHint')}
        </p>
      )}
      <p ref={status} className="visually-hidden" role="status" data-testid="map-status">
        {drawn === null ? '' : t('list.count', { count: drawn, shown: formatNumber(drawn, i18n.language, 0) })}
      </p>
    </div>
  );
}
