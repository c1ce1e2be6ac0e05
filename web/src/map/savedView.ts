/** Where an officer left the map: the screen opens there again the next time. */
export interface MapView {
  center: [number, number];
  zoom: number;
}

const keyFor = (userId: string) => `diboli.mapView.${userId}`;

/** The view stored for this user on this browser, or null if none or unreadable. */
export function loadView(userId: string): MapView | null {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(keyFor(userId)) ?? 'null');
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null) return null;
  const { center, zoom } = stored as Partial<MapView>;
  if (!Array.isArray(center) || center.length !== 2) return null;
  const [lon, lat] = center;
  const valid =
    typeof lon === 'number' && Math.abs(lon) <= 180 && typeof lat === 'number' && Math.abs(lat) <= 85 && typeof zoom === 'number' && zoom >= 0 && zoom <= 22;
  return valid ? { center: [lon, lat], zoom } : null;
}

export function saveView(userId: string, view: MapView): void {
  try {
    localStorage.setItem(keyFor(userId), JSON.stringify(view));
  } catch {
    // A full or disabled storage only costs the officer the framing next time.
  }
}
