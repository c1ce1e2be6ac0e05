import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import type { IncidentFeature, Patrol } from '../api/types';
import type { MapLayerData } from '../map/OperationalMap';
import type { ReferenceData } from './useReferenceData';

interface LayerInputs {
  reference: ReferenceData;
  patrols: readonly Patrol[];
  /** The route being drawn (patrol form), or null. */
  route: [number, number][] | null;
  /** Sections to mark as coverage gaps (coverage panel open), or null. */
  gaps: readonly string[] | null;
}

/**
 * What the map draws besides incidents (which come as the node's tiles), each part built on its own
 * so that a change of one does not send the others to the map again.
 */
export function useWorkspaceLayers({ reference, patrols, route, gaps }: LayerInputs): MapLayerData {
  const routes = useMemo(
    () =>
      ({
        type: 'FeatureCollection',
        features: patrols
          .filter((patrol) => patrol.route && patrol.status !== 'cancelled')
          .map((patrol) => ({ type: 'Feature', geometry: patrol.route, properties: { id: patrol.id, status: patrol.status } })),
      }) as FeatureCollection,
    [patrols],
  );
  // The route being drawn is a line among the map's shapes, which are all sent again when it
  // changes: it is built apart from the draft's points, so that selecting an incident does not.
  const draftRoute = useMemo<Feature<Geometry> | null>(
    () => (route && route.length >= 2 ? { type: 'Feature', geometry: { type: 'LineString', coordinates: route }, properties: {} } : null),
    [route],
  );
  const gapLines = useMemo<FeatureCollection | null>(() => {
    if (!gaps || !reference.sections) return null;
    const wanted = new Set(gaps);
    return { type: 'FeatureCollection', features: reference.sections.features.filter((section) => wanted.has(section.properties.id)) };
  }, [gaps, reference.sections]);
  return useMemo(
    () => ({
      basemap: reference.basemap,
      borders: reference.borders,
      sections: reference.sections,
      gaps: gapLines,
      axes: reference.axes,
      posts: reference.posts,
      routes,
      // Tracks come as the node's tiles, the selected patrol's drawn over the others.
      draft: draftRoute,
    }),
    [reference, gapLines, routes, draftRoute],
  );
}

/** Points of the record being placed or drawn, and the ring around the selected incident. */
export function useDraftPoints(
  location: { lat: number; lon: number } | null,
  route: [number, number][] | null,
  selected: IncidentFeature | null,
): FeatureCollection<Geometry> {
  return useMemo(() => {
    const features: Feature<Geometry>[] = [];
    if (location) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [location.lon, location.lat] }, properties: {} });
    for (const vertex of route ?? []) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: vertex }, properties: {} });
    if (selected) features.push({ type: 'Feature', geometry: selected.geometry, properties: { role: 'selected' } });
    return { type: 'FeatureCollection', features };
  }, [location, route, selected]);
}
