import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStringArray } from '../../src/store/columns.js';
import { createIncident, linkAll, removeFolder, startNode, type TestNode } from './nodes.js';

let nodes: TestNode[] = [];

beforeAll(async () => {
  nodes = await Promise.all(['ML', 'SN', 'MR'].map((n) => startNode(n)));
  await linkAll(nodes);
});

afterAll(async () => {
  for (const n of nodes) {
    await n.close();
    removeFolder(n.dataDir);
  }
});

const nodeIndex = fc.integer({ min: 0, max: 2 });
const partnerMask = fc.integer({ min: 0, max: 3 });
const operation = fc.oneof(
  fc.record({ op: fc.constant('create' as const), node: nodeIndex, mask: partnerMask }),
  fc.record({ op: fc.constant('release' as const), record: fc.nat(), mask: partnerMask }),
  fc.record({ op: fc.constant('sync' as const), into: nodeIndex, from: nodeIndex }),
);

function partnersOf(owner: TestNode): string[] {
  return nodes.filter((n) => n !== owner).map((n) => n.nation);
}

/** The partners picked by a two-bit mask. */
function pick(owner: TestNode, mask: number): string[] {
  return partnersOf(owner).filter((_, i) => (mask >> i) & 1);
}

interface Tracked {
  id: string;
  owner: TestNode;
  releasableTo: string[];
  version: number;
}

async function copies(node: TestNode, ids: string[]) {
  if (ids.length === 0) return [];
  return node.store.db.selectFrom('incidents').select(['id', 'owner', 'releasableTo', 'version']).where('id', 'in', ids).execute();
}

/** No node holds a partner's record (at any version) that was not released to its nation. */
async function checkNothingLeaked(records: Tracked[]): Promise<void> {
  for (const node of nodes) {
    for (const copy of await copies(
      node,
      records.map((r) => r.id),
    )) {
      if (copy.owner === node.nation) continue;
      expect(readStringArray(copy.releasableTo)).toContain(node.nation);
      const original = records.find((r) => r.id === copy.id)!;
      expect(copy.owner).toBe(original.owner.nation);
      expect(copy.version).toBeLessThanOrEqual(original.version);
    }
  }
}

async function pullUpToDate(into: TestNode, from: TestNode): Promise<void> {
  for (;;) {
    const peer = (await into.node.repos.peers.byNation(from.nation))!;
    if (!(await into.puller.pullOnce(peer)).more) return;
  }
}

describe('sovereignty under random releases and random sync order', () => {
  it('every node ends with exactly the records released to its nation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (operations) => {
        const records: Tracked[] = [];
        for (const step of operations) {
          if (step.op === 'create') {
            const owner = nodes[step.node]!;
            const releasableTo = pick(owner, step.mask);
            const incident = await createIncident(owner, releasableTo);
            records.push({ id: incident.id, owner, releasableTo, version: incident.version });
          } else if (step.op === 'release' && records.length > 0) {
            const record = records[step.record % records.length]!;
            const releasableTo = pick(record.owner, step.mask);
            const updated = await record.owner.incidents.update(record.owner.coordinator, record.id, { releasableTo });
            Object.assign(record, { releasableTo, version: updated.version });
          } else if (step.op === 'sync' && step.into !== step.from) {
            await pullUpToDate(nodes[step.into]!, nodes[step.from]!);
          }
          await checkNothingLeaked(records);
        }
        for (const into of nodes) for (const from of nodes) if (into !== from) await pullUpToDate(into, from);
        await checkNothingLeaked(records);
        for (const node of nodes) {
          const held = new Map(
            (
              await copies(
                node,
                records.map((r) => r.id),
              )
            ).map((c) => [c.id, c.version]),
          );
          const expected = records.filter((r) => r.owner === node || r.releasableTo.includes(node.nation));
          expect([...held.keys()].sort()).toEqual(expected.map((r) => r.id).sort());
          for (const r of expected) expect(held.get(r.id)).toBe(r.version);
        }
      }),
      { numRuns: 20 },
    );
  }, 240_000);
});
