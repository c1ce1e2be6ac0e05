import type { KeyObject } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEnvelope } from '../../src/federation/envelope-signature.js';
import { generateNodeKeys, parsePrivateKey } from '../../src/federation/node-keys.js';
import { PullError } from '../../src/federation/puller.js';
import { signResponse } from '../../src/federation/request-signature.js';
import { incidentRecord } from '../support/incident-record.js';
import { registerPeer } from '../../src/services/peer-registration.js';
import { createIncident, linkAll, removeFolder, startNode, type TestNode } from './nodes.js';

let ml: TestNode;
let sn: TestNode;
let proxy: Server;
let proxyUrl: string;
/** Which byte of each response body the proxy flips; -1 passes bodies through untouched. */
let flipAt = -1;

/** A man in the middle on loopback: forwards to the Mali node and flips one byte of each answer. */
function startProxy(target: string): Promise<Server> {
  const { hostname, port } = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const forward = httpRequest({ hostname, port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        if (flipAt >= 0 && body.length > 0) {
          const at = Math.min(flipAt, body.length - 1);
          body[at] = body[at]! ^ 0x01;
        }
        const headers = { ...answer.headers, 'content-length': String(body.length) };
        outgoing.writeHead(answer.statusCode ?? 502, headers);
        outgoing.end(body);
      });
    });
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  [ml, sn] = await Promise.all([startNode('ML'), startNode('SN')]);
  await linkAll([ml, sn]);
  proxy = await startProxy(ml.url);
  const address = proxy.address();
  proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await registerPeer(sn.node, { nation: 'ML', url: proxyUrl, key: ml.publicKey });
});

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  for (const n of [ml, sn]) {
    if (!n) continue;
    await n.close();
    removeFolder(n.dataDir);
  }
});

describe('a man in the middle', () => {
  it('flipping any byte of a page gets nothing applied, and the cursor stays', async () => {
    const incidents = [await createIncident(ml, ['SN'], 'premier'), await createIncident(ml, ['SN'], 'second')];
    const peer = (await sn.node.repos.peers.byNation('ML'))!;
    const length = (await (await fetch(`${ml.url}/healthz`)).text()).length; // warm-up; pages are longer than this
    for (const position of [0, 20, 100, 400, 900, length + 1500]) {
      flipAt = position;
      await expect(sn.puller.pullOnce(peer)).rejects.toBeInstanceOf(PullError);
      const ids = await sn.incidentIds();
      for (const incident of incidents) expect(ids).not.toContain(incident.id);
      expect((await sn.node.repos.peers.byNation('ML'))!.cursor).toBe(0);
    }
    flipAt = -1;
    const honest = await sn.puller.pullOnce(peer);
    expect(honest.applied).toBe(2);
    const rejected = (await sn.node.repos.audit.recent(100)).filter((e) => e.action === 'feed.page-rejected');
    expect(rejected.length).toBeGreaterThanOrEqual(5);
  });

  it('a page answered by a node holding another key is refused', async () => {
    const impostor = await startNode('ML');
    try {
      await createIncident(impostor, ['SN'], 'faux');
      // The impostor knows Senegal's key, so it answers; it cannot sign as the real Mali node.
      await registerPeer(impostor.node, { nation: 'SN', url: sn.url, key: sn.publicKey });
      await registerPeer(sn.node, { nation: 'ML', url: impostor.url, key: ml.publicKey });
      const peer = (await sn.node.repos.peers.byNation('ML'))!;
      const before = await sn.incidentIds();
      await expect(sn.puller.pullOnce(peer)).rejects.toThrow(/not signed by the registered key/);
      expect(await sn.incidentIds()).toEqual(before);
    } finally {
      await impostor.close();
      removeFolder(impostor.dataDir);
      await registerPeer(sn.node, { nation: 'ML', url: ml.url, key: ml.publicKey });
    }
  });

  it('a peer that is down is a clean failure, remembered on the peer', async () => {
    await registerPeer(sn.node, { nation: 'ML', url: 'http://127.0.0.1:9', key: ml.publicKey });
    const peer = (await sn.node.repos.peers.byNation('ML'))!;
    await expect(sn.puller.pullOnce(peer)).rejects.toBeInstanceOf(PullError);
    expect((await sn.node.repos.peers.byNation('ML'))!.lastError).toBeTruthy();
    await registerPeer(sn.node, { nation: 'ML', url: ml.url, key: ml.publicKey });
  });
});

describe('a registered peer that misbehaves', () => {
  /** Serves pages signed with a key Senegal trusts, holding whatever envelopes the test puts in. */
  async function rogueFeed(envelopes: () => unknown[]) {
    const keys = generateNodeKeys();
    const privateKey = parsePrivateKey(keys.privateKey);
    const server = createServer((incoming, outgoing) => {
      const nonce = String(incoming.headers['x-diboli-nonce']);
      const body = JSON.stringify({ envelopes: envelopes(), next: 99 });
      outgoing.writeHead(200, { 'content-type': 'application/json', 'x-diboli-signature': signResponse(nonce, body, privateKey) });
      outgoing.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return {
      url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      key: keys.publicKey,
      privateKey,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  /** A well-formed incident envelope, as an honest Mali node would sign it. */
  function incidentEnvelope(privateKey: KeyObject, origin: string, releasableTo: string[], id: string, malformed = false) {
    const at = '2026-01-05T10:00:00.000Z';
    const honest = incidentRecord({
      id,
      owner: origin,
      releasableTo,
      createdAt: at,
      updatedAt: at,
      occurredAt: at,
      location: { lat: 14.45, lon: -12.2 },
      narrative: 'x',
      source: { kind: 'patrol', name: null, reliability: null, credibility: null },
    });
    const body = malformed ? { ...honest, location: { lat: 'quatorze', lon: -12.2 } } : honest;
    return signEnvelope({ origin, kind: 'incident', id, version: 1, releasableTo, body, signedAt: at }, privateKey);
  }

  it.each([
    ['a forged origin', 'MR', ['SN'], false],
    ['an envelope released to another nation', 'ML', ['MR'], false],
    ['a malformed record', 'ML', ['SN'], true],
  ])('sends %s after a good envelope: the whole page is refused, nothing applied', async (label, origin, releasableTo, malformed) => {
    let page: unknown[] = [];
    const rogue = await rogueFeed(() => page);
    try {
      await registerPeer(sn.node, { nation: 'ML', url: rogue.url, key: rogue.key });
      const good = incidentEnvelope(rogue.privateKey, 'ML', ['SN'], `rogue-good-${label}`);
      const bad = incidentEnvelope(rogue.privateKey, origin, releasableTo, `rogue-bad-${label}`, malformed);
      page = [good, bad];
      const before = await sn.incidentIds();
      const cursorBefore = (await sn.node.repos.peers.byNation('ML'))!.cursor;
      await expect(sn.puller.pullOnce((await sn.node.repos.peers.byNation('ML'))!)).rejects.toThrow(/rogue-bad/);
      expect(await sn.incidentIds()).toEqual(before);
      expect((await sn.node.repos.peers.byNation('ML'))!.cursor).toBe(cursorBefore);
      // The good envelope alone is accepted: the refusal was the bad one's doing.
      page = [good];
      await sn.puller.pullOnce((await sn.node.repos.peers.byNation('ML'))!);
      expect(await sn.incidentIds()).toContain(good.id);
    } finally {
      await rogue.close();
      await registerPeer(sn.node, { nation: 'ML', url: ml.url, key: ml.publicKey });
    }
  });
});
