import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { PatrolShown } from '../../../src/contracts/patrol.js';
import type { OutboxRecord, Queued } from './rules';

/** A patrol of the day as the node sent it (`GET /field/patrols`), the fields the device keeps. */
export type FieldPatrol = Pick<PatrolShown, 'id' | 'code' | 'name' | 'status' | 'plannedStart' | 'plannedEnd' | 'debrief'>;

export interface PatrolOnDevice {
  id: string;
  patrol: FieldPatrol;
  /** The status after what waits in the outbox (a start or end recorded offline). */
  localStatus: string;
  tracking: boolean;
  intervalS: number;
  positions: number;
  observations: number;
  lastFix: { lat: number; lon: number; at: number } | null;
  debriefSent: boolean;
}

export interface Profile {
  id: string;
  username: string;
  displayName: string;
  nation: string;
  role: string;
  /** When the node's session ends: after it, the leader logs in again (the outbox stays). */
  expiresAt: string;
}

export type RefusedRecord = Queued & { code: string; message: string; refusedAt: string };

interface FieldDb extends DBSchema {
  outbox: { key: number; value: Queued; indexes: { userId: string } };
  refused: { key: number; value: RefusedRecord };
  patrols: { key: string; value: PatrolOnDevice };
  /** Observations the node holds: their clientId and the node's id, which their photos are sent to. */
  sent: { key: string; value: { clientId: string; nodeId: string } };
  meta: { key: string; value: unknown };
}

let opened: Promise<IDBPDatabase<FieldDb>> | undefined;

export function database(): Promise<IDBPDatabase<FieldDb>> {
  opened ??= openDB<FieldDb>('diboli-field', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('userId', 'userId');
      db.createObjectStore('refused', { keyPath: 'seq' });
      db.createObjectStore('patrols', { keyPath: 'id' });
      db.createObjectStore('sent', { keyPath: 'clientId' });
      db.createObjectStore('meta');
    },
  });
  return opened;
}

export async function enqueue(records: readonly OutboxRecord[]): Promise<void> {
  const tx = (await database()).transaction('outbox', 'readwrite');
  // `seq` is given by the store, in the order of the records.
  for (const record of records) void tx.store.add(record as Queued);
  await tx.done;
}

/** A user's first items in order, without reading the whole outbox (it may hold days of positions). */
export async function outboxHead(userId: string, limit: number): Promise<Queued[]> {
  // Entries of one index key come in the order of their primary key: the order they were recorded.
  return (await database()).getAllFromIndex('outbox', 'userId', userId, limit);
}

export async function waitingCount(userId: string): Promise<number> {
  return (await database()).countFromIndex('outbox', 'userId', userId);
}

/**
 * Items whose keys follow each other (a batch of positions, as recorded) go in one range delete,
 * several times faster than one delete each; others one by one.
 */
function removeFromOutbox(outbox: { delete: (key: number | IDBKeyRange) => Promise<void> }, items: readonly Queued[]): void {
  const first = items[0]?.seq;
  const last = items.at(-1)?.seq;
  if (first !== undefined && last !== undefined && items.every((item, i) => item.seq === first + i)) {
    void outbox.delete(IDBKeyRange.bound(first, last));
  } else {
    for (const item of items) void outbox.delete(item.seq);
  }
}

/**
 * The node took these: gone from the outbox; an observation's node id is kept for its photos; the
 * time of this last sync noted. One transaction: one write to the phone's storage per request.
 */
export async function settle(items: readonly Queued[], at: Date, observationNodeId?: string): Promise<void> {
  const tx = (await database()).transaction(['outbox', 'sent', 'meta'], 'readwrite');
  removeFromOutbox(tx.objectStore('outbox'), items);
  void tx.objectStore('meta').put(at.toISOString(), lastSyncKey(items[0]!.userId));
  const head = items[0];
  if (head?.kind === 'observation' && observationNodeId) void tx.objectStore('sent').put({ clientId: head.id, nodeId: observationNodeId });
  await tx.done;
}

/** The node will not take these: out of the outbox, into the list the leader sees (never dropped). */
export async function refuse(items: readonly Queued[], code: string, message: string, at: Date): Promise<void> {
  const tx = (await database()).transaction(['outbox', 'refused', 'meta'], 'readwrite');
  void tx.objectStore('meta').put(at.toISOString(), lastSyncKey(items[0]!.userId));
  removeFromOutbox(tx.objectStore('outbox'), items);
  for (const item of items) void tx.objectStore('refused').put({ ...item, code, message, refusedAt: at.toISOString() });
  await tx.done;
}

export const lastSyncKey = (userId: string) => `lastSyncAt:${userId}`;

export async function refusedItems(userId: string): Promise<RefusedRecord[]> {
  return (await (await database()).getAll('refused')).filter((item) => item.userId === userId);
}

export async function observationNodeId(clientId: string): Promise<string | undefined> {
  return (await (await database()).get('sent', clientId))?.nodeId;
}

export async function readMeta<T>(key: string): Promise<T | undefined> {
  return (await (await database()).get('meta', key)) as T | undefined;
}

export async function writeMeta(key: string, value: unknown): Promise<void> {
  await (await database()).put('meta', value, key);
}

export async function deleteMeta(key: string): Promise<void> {
  await (await database()).delete('meta', key);
}

export async function patrolsOnDevice(): Promise<PatrolOnDevice[]> {
  return (await database()).getAll('patrols');
}

export async function savePatrol(patrol: PatrolOnDevice): Promise<void> {
  await (await database()).put('patrols', patrol);
}

/** The day's list from the node: new patrols join, known ones keep what the device did to them. */
export async function mergeDayPatrols(fromNode: readonly FieldPatrol[]): Promise<void> {
  const tx = (await database()).transaction('patrols', 'readwrite');
  const held = new Map((await tx.store.getAll()).map((entry) => [entry.id, entry]));
  for (const patrol of fromNode) {
    const known = held.get(patrol.id);
    void tx.store.put(
      known
        ? { ...known, patrol, localStatus: laterStatus(known.localStatus, patrol.status) }
        : {
            id: patrol.id,
            patrol,
            localStatus: patrol.status,
            tracking: false,
            intervalS: 30,
            positions: 0,
            observations: 0,
            lastFix: null,
            debriefSent: Boolean(patrol.debrief),
          },
    );
  }
  await tx.done;
}

const ORDER = ['draft', 'proposed', 'approved', 'underway', 'completed'];

/** The device may be ahead of the node (a start not yet sent); a cancellation from the node wins. */
function laterStatus(local: string, node: string): string {
  if (node === 'cancelled') return node;
  return ORDER.indexOf(local) > ORDER.indexOf(node) ? local : node;
}
