import { keepsFix } from './rules';

export type Fix = { lat: number; lon: number; at: number };

/**
 * Follows the device's position while a patrol is tracked: one watch on the receiver, of which one
 * fix per chosen interval is kept. The receiver is asked for fixes no fresher than half the interval,
 * and no timer of our own runs.
 */
export class Tracker {
  private watch: number | undefined;
  private lastAt: number | null = null;

  constructor(
    private readonly onFix: (fix: Fix) => void,
    private readonly onError: (message: string) => void,
  ) {}

  start(intervalS: number, lastAt: number | null): void {
    this.stop();
    this.lastAt = lastAt;
    if (!('geolocation' in navigator)) {
      this.onError('unavailable');
      return;
    }
    this.watch = navigator.geolocation.watchPosition(
      (position) => {
        const at = position.timestamp;
        if (!keepsFix(at, this.lastAt, intervalS)) return;
        this.lastAt = at;
        this.onFix({ lat: position.coords.latitude, lon: position.coords.longitude, at });
      },
      (error) => this.onError(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, maximumAge: (intervalS * 1000) / 2, timeout: Math.max(60_000, intervalS * 2000) },
    );
  }

  stop(): void {
    if (this.watch !== undefined) navigator.geolocation.clearWatch(this.watch);
    this.watch = undefined;
  }
}

/** A fix for an observation: the last one if recent, else one asked for now (none without a signal). */
export function currentFix(recent: Fix | null, now = Date.now()): Promise<Fix | null> {
  if (recent && now - recent.at < 2 * 60_000) return Promise.resolve(recent);
  if (!('geolocation' in navigator)) return Promise.resolve(recent);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lat: position.coords.latitude, lon: position.coords.longitude, at: position.timestamp }),
      () => resolve(recent),
      { enableHighAccuracy: true, maximumAge: 60_000, timeout: 8000 },
    ),
  );
}
