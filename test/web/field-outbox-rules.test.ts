import { describe, expect, it } from 'vitest';
import { alreadyThere, keepsFix, nextBatch, outcomeOf, parseCount, type Queued, requestOf, retryDelayMs, scaledSize } from '../../web/src/field/rules.js';

const base = { patrolId: 'p1', userId: 'u1', at: '2026-12-04T08:00:00.000Z' };
let seq = 0;
const position = (extra: Partial<Queued> = {}): Queued => ({ ...base, kind: 'position', id: `pos-${++seq}`, lat: 14, lon: -12, seq, ...extra }) as Queued;
const observation = (): Queued => ({
  ...base,
  kind: 'observation',
  id: `obs-${++seq}`,
  location: null,
  eventType: 'Border activity',
  counts: { people: 3, fatalities: null, injured: null },
  text: '',
  seq,
});
const photo = (observationId: string): Queued => ({
  ...base,
  kind: 'photo',
  id: `photo-${++seq}`,
  observationId,
  photo: new Blob(['x']),
  contentType: 'image/jpeg',
  seq,
});

describe('the field outbox leaves in the order it was recorded', () => {
  it('sends the positions recorded together in one request, up to a batch, and stops at anything else', () => {
    const queue = [position(), position(), position(), observation(), position()];
    expect(nextBatch(queue, 'u1').map((item) => item.kind)).toEqual(['position', 'position', 'position']);
    expect(nextBatch(queue, 'u1', 2)).toHaveLength(2);
  });

  it('sends an observation before its photo and the end of a patrol before its debrief, whatever order the store gives', () => {
    const seen = observation();
    const queue = [photo(seen.id), seen].reverse();
    expect(nextBatch([...queue].reverse(), 'u1')[0]!.kind).toBe('observation');
    const end: Queued = { ...base, kind: 'complete', id: 'end', seq: ++seq };
    const debrief: Queued = { ...base, kind: 'debrief', id: 'deb', text: 'RAS', seq: ++seq };
    expect(nextBatch([debrief, end], 'u1')[0]!.kind).toBe('complete');
  });

  it('keeps another user’s items for their own login', () => {
    const theirs = position({ userId: 'u2' });
    expect(nextBatch([theirs], 'u1')).toEqual([]);
    expect(nextBatch([theirs, position()], 'u1')[0]!.userId).toBe('u1');
  });

  it('does not mix two patrols’ positions in one request', () => {
    expect(nextBatch([position(), position({ patrolId: 'p2' })], 'u1')).toHaveLength(1);
  });

  it('names each record by its client id in the request', () => {
    const batch = [position(), position()];
    const { path, body } = requestOf(batch);
    expect(path).toBe('/api/v1/patrols/p1/positions');
    expect((body as { positions: { clientId: string }[] }).positions.map((item) => item.clientId)).toEqual(batch.map((item) => item.id));
    const seen = observation();
    expect((requestOf([seen]).body as { clientId: string }).clientId).toBe(seen.id);
    expect(requestOf([photo(seen.id)], 'node-obs-1').path).toBe('/api/v1/patrols/p1/observations/node-obs-1/photos');
  });
});

describe('what an answer of the node means', () => {
  it('keeps what the node refuses, retries when the link or the node fails, asks for a login on 401', () => {
    expect(outcomeOf({ kind: 'position' }, 200, undefined).kind).toBe('done');
    expect(outcomeOf({ kind: 'observation' }, 201, undefined).kind).toBe('done');
    expect(outcomeOf({ kind: 'observation' }, 400, { code: 'ERR_VALIDATION', message: 'Mauvais' })).toEqual({
      kind: 'refused',
      code: 'ERR_VALIDATION',
      message: 'Mauvais',
    });
    expect(outcomeOf({ kind: 'position' }, 409, { code: 'ERR_PATROL_STATUS' }).kind).toBe('refused');
    for (const status of [0, 408, 429, 500, 502, 503]) expect(outcomeOf({ kind: 'position' }, status, undefined).kind).toBe('retry');
    expect(outcomeOf({ kind: 'position' }, 401, undefined).kind).toBe('login');
  });

  it('takes a lifecycle conflict as done when the patrol is already there', () => {
    expect(outcomeOf({ kind: 'complete' }, 409, undefined).kind).toBe('check-status');
    expect(alreadyThere('complete', 'completed')).toBe(true);
    expect(alreadyThere('start', 'underway')).toBe(true);
    expect(alreadyThere('start', 'cancelled')).toBe(false);
    expect(alreadyThere('complete', 'cancelled')).toBe(false);
  });

  it('waits longer after each failure, up to five minutes', () => {
    expect(retryDelayMs(1, 0.5)).toBe(2000);
    expect(retryDelayMs(3, 0.5)).toBe(8000);
    expect(retryDelayMs(30, 0.5)).toBe(300_000);
    expect(retryDelayMs(1, 0)).toBeLessThan(retryDelayMs(1, 1));
  });
});

describe('positions, counts and photos on the device', () => {
  it('keeps one fix per chosen interval', () => {
    expect(keepsFix(1000, null, 30)).toBe(true);
    expect(keepsFix(20_000, 0, 30)).toBe(false);
    expect(keepsFix(28_000, 0, 30)).toBe(true);
  });

  it('reads a blank count as unknown, never as zero', () => {
    expect(parseCount('')).toBeNull();
    expect(parseCount(' 0 ')).toBe(0);
    expect(parseCount('12')).toBe(12);
    expect(parseCount('-1')).toBeUndefined();
    expect(parseCount('2.5')).toBeUndefined();
  });

  it('brings a photo’s longest side to 1600 px, never enlarges it', () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(1080, 1920)).toEqual({ width: 900, height: 1600 });
    expect(scaledSize(800, 600)).toEqual({ width: 800, height: 600 });
  });
});
