import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnchorRepository } from '../../src/store/anchor-repository.js';
import { openStore, type Store } from '../../src/store/database.js';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diboli-anchors-'));
  store = await openStore(dir);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('anchors kept of a partner’s audit chain', () => {
  it('keeps every anchor of the last day, one an hour before that, one a day past thirty days', async () => {
    const anchors = new AnchorRepository(store.db);
    const end = Date.parse('2026-03-01T00:00:00.000Z');
    const step = 10 * 60_000;
    const count = 40 * 24 * 6;
    await store.db.transaction().execute(async (trx) => {
      for (let i = count; i > 0; i--) {
        const at = new Date(end - i * step).toISOString();
        await anchors.keep(trx, 'SN', i.toString(16).padStart(64, '0'), at);
      }
    });
    const held = await anchors.heldOf('SN');
    const age = (h: { receivedAt: string }) => end - Date.parse(h.receivedAt);
    // Pruning runs every fiftieth anchor: what came since the last run is still all there.
    const slack = 50 * step;
    const lastDay = held.filter((h) => age(h) <= 86_400_000);
    const month = held.filter((h) => age(h) > 86_400_000 + slack && age(h) <= 30 * 86_400_000);
    const older = held.filter((h) => age(h) > 30 * 86_400_000 + slack);
    expect(lastDay.length).toBeGreaterThanOrEqual(24 * 6 - 1);
    expect(new Set(month.map((h) => h.receivedAt.slice(0, 13))).size).toBe(month.length);
    expect(month.length).toBeGreaterThan(27 * 24);
    expect(older.length).toBeGreaterThan(8);
    expect(new Set(older.map((h) => h.receivedAt.slice(0, 10))).size).toBe(older.length);
    expect(held.length).toBeLessThan(count / 4);
    // Oldest first, as a partner hands them back.
    expect(held.map((h) => h.receivedAt)).toEqual([...held.map((h) => h.receivedAt)].sort());
  });
});
