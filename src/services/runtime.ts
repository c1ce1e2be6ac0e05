import { randomUUID } from 'node:crypto';

/** The clock, behind an interface so that tests can hold time still. */
export interface Clock {
  now(): Date;
}

/** Where new record ids come from. */
export interface IdSource {
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdSource = { newId: () => randomUUID() };

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let current = new Date(iso);
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) };
}
