import { useCallback, useEffect, useState } from 'react';
import { fetchAxes, fetchBasemap, fetchBorders, fetchMechanism, fetchPosts, fetchSections, fetchTaxonomy, fetchUnits } from '../api/endpoints';
import type { Axes, Basemap, Borders, Mechanism, Posts, Sections, Taxonomy, Unit } from '../api/types';

/** What changes rarely: the mechanism, the geography and the units. */
export interface ReferenceData {
  mechanism: Mechanism | null;
  basemap: Basemap | null;
  borders: Borders | null;
  sections: Sections | null;
  axes: Axes | null;
  posts: Posts | null;
  units: Unit[];
  taxonomy: Taxonomy | null;
}

const NOTHING: ReferenceData = {
  mechanism: null,
  basemap: null,
  borders: null,
  sections: null,
  axes: null,
  posts: null,
  units: [],
  taxonomy: null,
};

// Each part loads on its own: a missing layer must not keep the rest of the picture from showing.
// Sections are the exception to "changes rarely": their threat level moves with the incidents, so
// they can be fetched again on their own.
export function useReferenceData(): { reference: ReferenceData; reloadSections: () => void } {
  const [reference, setReference] = useState<ReferenceData>(NOTHING);
  const reloadSections = useCallback(() => {
    fetchSections().then(
      (sections) => setReference((current) => ({ ...current, sections })),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    let live = true;
    const load = <K extends keyof ReferenceData>(key: K, fetcher: () => Promise<ReferenceData[K]>) => {
      fetcher().then(
        (value) => {
          if (live) setReference((current) => ({ ...current, [key]: value }));
        },
        () => undefined,
      );
    };
    load('mechanism', fetchMechanism);
    load('basemap', fetchBasemap);
    load('borders', fetchBorders);
    load('sections', fetchSections);
    load('axes', fetchAxes);
    load('posts', fetchPosts);
    load('units', fetchUnits);
    load('taxonomy', fetchTaxonomy);
    return () => {
      live = false;
    };
  }, []);
  return { reference, reloadSections };
}
