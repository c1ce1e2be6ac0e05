import { connect as tcpConnect } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import { strFromU8, unzipSync } from 'fflate';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takServerOf } from '../../src/composition.js';
import { loadConfig } from '../../src/config.js';
import type { TakServer } from '../../src/services/tak-server.js';
import { removeUser } from '../../src/services/accounts.js';
import { initTakCa } from '../../src/services/tak-ca.js';
import { enrolTakUser, revokeTakUser } from '../../src/services/tak-enrolment.js';
import { CotFrames } from '../../src/tak/cot-frames.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';
import { axisPatrolFromNow } from '../support/field-patrols.js';
import { CoT } from './tak-library.js';

// The TAK port: TLS with client certificates of the node's own CA. An enrolled client of Senegal
// (a partner's liaison at Mali's node) streams what Senegal may see and nothing else; a revoked
// certificate or none is refused; hostile input closes that connection alone.

let demo: DemoNode;
let tak: TakServer;
let port: number;
let plainPort: number;
const logged: string[] = [];
const packages = new Map<string, Record<string, Uint8Array>>();

beforeAll(async () => {
  demo = await startDemoNode();
  initTakCa(demo.dir, 'ML', ['localhost'], demo.node.clock.now());
  for (const username of ['liaison.sn', 'coord.ml', 'analyst.ml', 'lead.ml', 'observer.ml']) {
    packages.set(username, unzipSync((await enrolTakUser(demo.node, { username, host: 'localhost', port: 8089 })).zip));
  }
  tak = takServerOf(demo.node, (message, fields) => logged.push(`${message}: ${String(fields.reason)}`), {
    revocationCheckMs: 100,
    unfinishedEventMs: 300,
    handshakeMs: 3000,
  });
  port = await tak.listen(0, '127.0.0.1');
  plainPort = await tak.listenPlain(0, 'coord.ml');
});
afterAll(async () => {
  await tak?.close();
  await demo?.close();
});

/** A password and the two PKCS#12 files, as ATAK reads them from the package. */
function credentialsOf(username: string) {
  const files = packages.get(username)!;
  const pref = strFromU8(files[Object.keys(files).find((name) => name.endsWith('.pref'))!]!);
  const value = (key: string) => new RegExp(`key="${key}"[^>]*>([^<]*)<`).exec(pref)![1]!;
  const file = (location: string) => files[`certs/${location.replace(/^cert\//, '')}`]!;
  return { pfx: Buffer.from(file(value('certificateLocation0'))), passphrase: value('clientPassword0'), trust: Buffer.from(file(value('caLocation0'))) };
}

/** The CA certificate in a package's trust store, read by node-forge as a TAK client reads it. */
function caOf(store: Buffer, password: string): string[] {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(store.toString('binary')), password);
  const bags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  return bags.map((bag) => forge.pki.certificateToPem(bag.cert!));
}

interface Client {
  socket: TLSSocket;
  uids: string[];
  types: string[];
  closed: Promise<void>;
  /** Resolves once an event with this uid arrived. */
  waitFor(uid: string): Promise<void>;
}

function client(username: string | null): Promise<Client> {
  const credentials = username ? credentialsOf(username) : null;
  const trust = credentialsOf('coord.ml');
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      servername: 'localhost',
      ...(credentials ? { pfx: credentials.pfx, passphrase: credentials.passphrase } : {}),
      // The package's trust store holds the node's CA alone: the client checks the node by it.
      ca: caOf(trust.trust, trust.passphrase),
      rejectUnauthorized: true,
    });
    const frames = new CotFrames();
    const waiting = new Map<string, () => void>();
    const result: Client = {
      socket,
      uids: [],
      types: [],
      closed: new Promise((done) => socket.on('close', () => done())),
      waitFor: (uid) => (result.uids.includes(uid) ? Promise.resolve() : new Promise((done) => waiting.set(uid, done))),
    };
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      for (const text of frames.push(chunk)) {
        const feature = new CoT(text).to_geojson();
        result.uids.push(feature.id);
        result.types.push(String(feature.properties.type));
        waiting.get(feature.id)?.();
      }
    });
    socket.once('secureConnect', () => resolve(result));
    socket.once('close', () => resolve(result));
  });
}

/** Resolves once the node took the client in: it answers its keep-alive. */
async function accepted(c: Client): Promise<void> {
  const now = new Date().toISOString();
  c.socket.write(
    `<event version="2.0" uid="ping" type="t-x-c-t" how="h-g-i-g-o" time="${now}" start="${now}" stale="${now}"><point lat="0" lon="0" hae="0" ce="9999999" le="9999999"/></event>`,
  );
  await c.waitFor('takPong');
}

const incident = (releasableTo: string[], place: string) => ({
  occurredAt: '2026-11-20',
  location: { lat: 14.43, lon: -11.43 },
  placeName: place,
  eventType: 'Battles',
  subEventType: 'Armed clash',
  releasableTo,
});

describe('the data package', () => {
  it('names every file after the node and the user, and the preference file names them as they are in the package', () => {
    for (const [username, files] of packages) {
      const names = Object.keys(files);
      expect(names).toContain('MANIFEST/manifest.xml');
      const certs = names.filter((name) => name.startsWith('certs/'));
      expect(certs).toHaveLength(3);
      for (const name of certs) expect(name).toContain(`diboli-ml-localhost-${username}`);
      const pref = strFromU8(files[certs.find((name) => name.endsWith('.pref'))!]!);
      expect(pref).toContain('localhost:8089:ssl');
      const locations = [...pref.matchAll(/Location0?"[^>]*>cert\/([^<]+)</g)].map((m) => `certs/${m[1]}`);
      expect(locations.length).toBe(4);
      for (const location of locations) expect(names).toContain(location);
      const manifest = strFromU8(files['MANIFEST/manifest.xml']!);
      for (const name of certs) expect(manifest).toContain(`zipEntry="${name}"`);
    }
  });
});

describe('the TAK port', () => {
  it('streams to an enrolled client a new incident released to its nation as it is written, never a national incident of the partner', async () => {
    const sn = await client('liaison.sn');
    const ml = await client('coord.ml');
    await accepted(sn);
    await accepted(ml);
    // The client checked the node's certificate against the package's trust store.
    expect(sn.socket.authorized).toBe(true);
    const national = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: incident([], 'Kayes (national)') });
    const released = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: incident(['SN'], 'Kayes (diffusé)') });
    await sn.waitFor(`diboli.incident.${released.body.id}`);
    await ml.waitFor(`diboli.incident.${released.body.id}`);
    // Mali's own client had the national incident before the released one; Senegal's never does.
    expect(ml.uids).toContain(`diboli.incident.${national.body.id}`);
    expect(sn.uids).not.toContain(`diboli.incident.${national.body.id}`);
    // The picture sent first holds no national incident of Mali either.
    const listed = (await demo.call('GET', '/api/v1/incidents?limit=50000', { as: 'liaison.sn' })).body.features.map(
      (f: { id: string }) => `diboli.incident.${f.id}`,
    );
    expect(sn.uids.filter((uid) => uid.startsWith('diboli.incident.')).every((uid) => listed.includes(uid))).toBe(true);
    sn.socket.destroy();
    ml.socket.destroy();
  });

  it('files a patrol leader’s PLI as a position of their patrol; the position reaches the clients the position policy names', async () => {
    const { id } = await axisPatrolFromNow(demo, { releasableTo: ['SN'], actions: ['propose', 'approve', 'start'] });
    const ml = await client('coord.ml');
    const sn = await client('liaison.sn');
    const device = await client('lead.ml');
    for (const c of [ml, sn, device]) await accepted(c);
    const at = new Date().toISOString();
    device.socket.write(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><event version="2.0" uid="ANDROID-lead" type="a-f-G-U-C" how="m-g" time="${at}" start="${at}" stale="${at}"><point lat="14.46" lon="-12.19" hae="40" ce="5" le="9999999"/><detail><contact callsign="LEAD"/><__group name="Cyan" role="Team Lead"/></detail></event>`,
    );
    await ml.waitFor(`diboli.patrol.${id}`);
    const track = await demo.call('GET', `/api/v1/patrols/${id}/track`, { as: 'coord.ml' });
    expect(track.body.geometry.coordinates).toEqual([-12.19, 14.46]);
    // Senegal may read the patrol, not where it is (the demo's position policy names no partner).
    await accepted(sn);
    expect(sn.uids).toContain(`diboli.route.${id}`);
    expect(sn.uids).not.toContain(`diboli.patrol.${id}`);
    for (const c of [ml, sn, device]) c.socket.destroy();
  });

  it('answers a keep-alive', async () => {
    const c = await client('coord.ml');
    const now = new Date().toISOString();
    c.socket.write(
      `<event version="2.0" uid="ping-1" type="t-x-c-t" how="h-g-i-g-o" time="${now}" start="${now}" stale="${now}"><point lat="0" lon="0" hae="0" ce="9999999" le="9999999"/></event>`,
    );
    await c.waitFor('takPong');
    expect(c.types).toContain('t-x-c-t-r');
    c.socket.destroy();
  });

  it('serves a plain TCP listener on the loopback address only, as the user it was given; it goes with that user only', async () => {
    const socket = tcpConnect(plainPort, '127.0.0.1');
    const frames = new CotFrames();
    const uids: string[] = [];
    socket.on('data', (chunk: Buffer) => uids.push(...frames.push(chunk).map((text) => new CoT(text).to_geojson().id)));
    const now = new Date().toISOString();
    socket.write(
      `<event version="2.0" uid="p" type="t-x-c-t" how="h-g-i-g-o" time="${now}" start="${now}" stale="${now}"><point lat="0" lon="0" hae="0" ce="9999999" le="9999999"/></event>`,
    );
    await new Promise<void>((done) => {
      const check = () => (uids.includes('takPong') ? done() : setTimeout(check, 10));
      check();
    });
    socket.destroy();
    expect(() => loadConfig({ dataDir: demo.dir, takPlainPort: 9999 }, {})).toThrow(/takPlainPort and takPlainUser go together/);
    expect(loadConfig({ dataDir: demo.dir }, { DIBOLI_TAK_PORT: '8089' })).toMatchObject({ takPort: 8089 });
    expect(loadConfig({ dataDir: demo.dir }, {}).takPort).toBeUndefined();
  });

  it('refuses a client without a certificate', async () => {
    const anonymous = await client(null);
    await anonymous.closed;
    expect(anonymous.uids).toEqual([]);
  });

  it('closes the connections of a revoked certificate and refuses it from then on', async () => {
    const c = await client('analyst.ml');
    await accepted(c);
    await revokeTakUser(demo.node, 'analyst.ml');
    await c.closed;
    expect(logged.some((line) => line.includes('certificate revoked'))).toBe(true);
    const again = await client('analyst.ml');
    await again.closed;
    expect(logged.some((line) => /is revoked/.test(line))).toBe(true);
    expect(again.uids).toEqual([]);
  });

  it('closes the connections of a user removed from the node', async () => {
    const c = await client('observer.ml');
    await accepted(c);
    await removeUser(demo.node, 'observer.ml');
    await c.closed;
    const again = await client('observer.ml');
    await again.closed;
    expect(logged.join('\n')).toMatch(/user observer.ml no longer exists/);
  });

  it('refuses hostile input on one connection, and the node and its other clients carry on', async () => {
    const watcher = await client('liaison.sn');
    await accepted(watcher);
    const now = new Date().toISOString();
    const head = `<event version="2.0" uid="x" type="a-f-G-U-C" how="m-g" time="${now}" start="${now}" stale="${now}"><point lat="14.4" lon="-12.2" hae="0" ce="5" le="9999999"/>`;

    // An entity bomb: its document type is never read, the connection is closed.
    const bomb = await client('coord.ml');
    bomb.socket.write(
      `<?xml version="1.0"?><!DOCTYPE event [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${head}<detail><remarks>&b;</remarks></detail></event>`,
    );
    await bomb.closed;
    // An undeclared entity inside an event: that event is refused, the connection stays.
    const entity = await client('coord.ml');
    await accepted(entity);
    entity.socket.write(`${head}<detail><remarks>&b;</remarks></detail></event>`);
    // A 10 MB event: the connection is closed once 64 KiB pass without its end.
    const huge = await client('coord.ml');
    huge.socket.write(`${head}<detail><remarks>${'a'.repeat(10 * 1024 * 1024)}</remarks></detail></event>`);
    await huge.closed;
    // A truncated stream: an event begun and never finished.
    const truncated = await client('coord.ml');
    truncated.socket.write(head);
    await truncated.closed;
    // A connection that never says anything, not even its TLS handshake.
    const silent = tcpConnect(port, '127.0.0.1');
    await new Promise((done) => silent.on('close', done));
    // Not a CoT stream at all.
    const http = await client('coord.ml');
    http.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await http.closed;

    expect(logged.join('\n')).toMatch(/document type declarations are not accepted/);
    expect(logged.join('\n')).toMatch(/no complete event within 65536 bytes/);
    expect(logged.join('\n')).toMatch(/an event was begun and never finished/);
    expect(logged.join('\n')).toMatch(/something other than CoT events/);

    expect((await demo.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const released = await demo.call('POST', '/api/v1/incidents', { as: 'coord.ml', body: incident(['SN'], 'Après') });
    await watcher.waitFor(`diboli.incident.${released.body.id}`);
    await entity.waitFor(`diboli.incident.${released.body.id}`);
    expect(logged.join('\n')).toMatch(/CoT event refused: unknown entity &b;/);
    watcher.socket.destroy();
    entity.socket.destroy();
  });
});
