import maplibregl from 'maplibre-gl';
import { SOURCE } from './style';

/**
 * Shows the size of each incident cluster as an HTML label over its circle. The style has no
 * glyphs (nothing may be fetched from outside the node), so text cannot be drawn by MapLibre.
 */
export function showClusterCounts(map: maplibregl.Map, format: (count: number) => string): () => void {
  const shown = new Map<number, maplibregl.Marker>();

  const refresh = () => {
    if (!map.getSource(SOURCE.incidents)) return;
    const seen = new Set<number>();
    for (const feature of map.querySourceFeatures(SOURCE.incidents, { filter: ['has', 'point_count'] })) {
      const id = feature.properties.cluster_id as number;
      if (seen.has(id) || feature.geometry.type !== 'Point') continue;
      seen.add(id);
      const [lon, lat] = feature.geometry.coordinates as [number, number];
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
