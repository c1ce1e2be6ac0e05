import mgrs from 'mgrs';

/**
 * The centre of the square an MGRS reference names (`28PDA1234567890`: a metre; `28PDA12`: ten
 * kilometres), or undefined when the text is no valid reference.
 */
export function pointOfMgrs(reference: string): { lat: number; lon: number } | undefined {
  try {
    const [lon, lat] = mgrs.toPoint(reference.toUpperCase());
    return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : undefined;
  } catch {
    return undefined;
  }
}
