import maplibregl from 'maplibre-gl';
import { INCIDENT_SOURCE_LAYER, SOURCE } from './style';

/**
 * Shows the size of each counted cell of the incident tiles as an HTML label over its circle, on a
 * map without the node's basemap: its style has no glyphs (nothing may be fetched from outside the
 * node), so text cannot be drawn by MapLibre. With the basemap, the style's `incident-counts`
 * layer draws them. Cells are told apart by their place: their numbers are only unique within a tile.
 */
export function showClusterCounts(map: maplibregl.Map, format: (count: number) => string): () => void {
  const shown = new Map<string, maplibregl.Marker>();

  const refresh = () => {
    if (!map.getSource(SOURCE.incidents)) return;
    const seen = new Set<string>();
    for (const feature of map.querySourceFeatures(SOURCE.incidents, { sourceLayer: INCIDENT_SOURCE_LAYER, filter: ['has', 'point_count'] })) {
      if (feature.geometry.type !== 'Point') continue;
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const id = `${lon.toFixed(6)},${lat.toFixed(6)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const text = format(feature.properties.point_count as number);
      const existing = shown.get(id);
      if (existing) {
        existing.setLngLat([lon, lat]);
        existing.getElement().textContent = text;
        continue;
      }
      const label = document.createElement('div');
      label.className = 'cluster-count';
      label.textContent = text;
      label.setAttribute('aria-hidden', 'true');
      shown.set(id, new maplibregl.Marker({ element: label }).setLngLat([lon, lat]).addTo(map));
    }
    for (const [id, marker] of shown) {
      if (!seen.has(id)) {
        marker.remove();
        shown.delete(id);
      }
    }
  };

  const onData = (event: maplibregl.MapSourceDataEvent) => {
    if (event.sourceId === SOURCE.incidents && event.isSourceLoaded) refresh();
  };
  map.on('moveend', refresh);
  map.on('sourcedata', onData);
  refresh();
  return () => {
    map.off('moveend', refresh);
    map.off('sourcedata', onData);
    for (const marker of shown.values()) marker.remove();
    shown.clear();
  };
}
