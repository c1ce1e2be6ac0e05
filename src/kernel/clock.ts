import { randomUUID } from 'node:crypto';

/** The clock, behind an interface so that tests can hold time still. */
export interface Clock {
  now(): Date;
}

/** Where new record ids come from. */
export interface IdSource {
  /**
   * A new id. Records derived for one audience (its alerts, its webhook deliveries) name that
   * audience in `scope`, so that a source that counts (tests) numbers them per audience and a
   * nation's ids never depend on what another nation was sent; random sources ignore it.
   */
  newId(scope?: string): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdSource = { newId: () => randomUUID() };

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let current = new Date(iso);
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) };
}
