import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect, type TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, createNodeContext, takServerOf } from '../src/composition.js';
import { installDemo } from '../src/cli/demo.js';
import { DemoAuthenticators } from '../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../src/cli/demo-content.js';
import { loadConfig } from '../src/config.js';
import type { Actor } from '../src/domain/user.js';
import { actorFor } from '../src/services/secondments.js';
import { IncidentService } from '../src/services/incident-service.js';
import { PatrolService } from '../src/services/patrol-service.js';
import { initTakCa, issueClientCertificate, loadTakCa } from '../src/services/tak-ca.js';
import { openStore } from '../src/store/database.js';
import { percentile, until } from './figures.js';
import { recentClashNearDiboli } from './demo-session.js';

/**
 * TAK clients on 127.0.0.1 while incidents are written: from the incident's write (the service
 * call) to the moment each TAK client has read its CoT event, beside the node's SSE clients
 * measured on the same incidents in the same run (the same live stream feeds both). Then inbound:
 * PLIs a patrol leader's device sends on its TAK connection, stored as positions, per second.
 * Clients and node share one process and the machine's cores.
 */
const CLIENTS = 200;
const ROUNDS = 30;
const WARMUP = 3;
const PAUSE_MS = 150;
const PLIS = 2_000;

const now = (): number => performance.now();

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return `${name}: ${samples.length} samples, p50 ${ms(percentile(sorted, 0.5))}, p99 ${ms(percentile(sorted, 0.99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`;
}

export async function benchTak(print: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-bench-tak-'));
  const config = loadConfig({ dataDir: dir }, {});
  const store = await openStore(dir);
  const sockets: TLSSocket[] = [];
  try {
    await installDemo(store, config);
    const node = await createNodeContext(config, store);
    const app = await buildApp(node, { webRoot: false, earlyWarning: { tickMs: 0 } });
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    initTakCa(dir, node.nation, ['localhost'], new Date());
    const ca = loadTakCa(dir);
    const credentials = async (username: string) => {
      const issued = issueClientCertificate(ca, username, node.nation, new Date());
      await node.repos.takCertificates.issued({
        serial: issued.serial,
        username,
        issuedAt: new Date().toISOString(),
        expiresAt: issued.expiresAt,
        revokedAt: null,
      });
      return { key: issued.keyPem, cert: issued.certPem, ca: [ca.caCert] };
    };
    const tak = takServerOf(node);
    const port = await tak.listen(0, '127.0.0.1');
    const users = ['coord.ml', 'liaison.sn'];
    const keys = await Promise.all(users.map(credentials));

    const written = new Map<string, number>();
    const takSamples: number[] = [];
    const sseSamples: number[] = [];
    const takRead = new Map<string, number>();
    const sseRead = new Map<string, number>();
    let warming = true;
    const seen = (reads: Map<string, number>, samples: number[], text: string, at: number, pattern: RegExp) => {
      for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))) {
        const id = match[1]!;
        const t = written.get(id);
        if (t === undefined) continue;
        reads.set(id, (reads.get(id) ?? 0) + 1);
        if (!warming) samples.push(at - t);
      }
    };

    // TAK clients, half of each nation (the incidents are released to Senegal: all receive them).
    const opened: Promise<void>[] = [];
    for (let i = 0; i < CLIENTS; i += 1) {
      opened.push(
        new Promise((resolve, reject) => {
          const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ...keys[i % 2]! }, () => resolve());
          socket.on('error', reject);
          let tail = '';
          socket.setEncoding('utf8');
          socket.on('data', (chunk: string) => {
            const at = now();
            const text = tail + chunk;
            const cut = text.lastIndexOf('</event>');
            if (cut < 0) {
              tail = text;
              return;
            }
            tail = text.slice(cut + 8);
            seen(takRead, takSamples, text.slice(0, cut + 8), at, /uid="diboli\.incident\.([^"]+)"/g);
          });
          sockets.push(socket);
        }),
      );
    }
    await Promise.all(opened);

    // SSE clients, the same number, the same nations.
    const authenticators = new DemoAuthenticators();
    const login = async (username: string) =>
      (
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username, password: DEMO_PASSWORD, code: authenticators.codeFor(username, new Date()) },
          })
        ).json() as { token: string }
      ).token;
    const tokens = [await login('coord.ml'), await login('liaison.sn')];
    const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
    const requests: ReturnType<typeof httpRequest>[] = [];
    await Promise.all(
      Array.from(
        { length: CLIENTS },
        (_, i) =>
          new Promise<void>((resolve, reject) => {
            const req = httpRequest(
              `${origin}/api/v1/stream`,
              { agent, headers: { accept: 'text/event-stream', authorization: `Bearer ${tokens[i % 2]}` } },
              (response) => {
                response.setEncoding('utf8');
                let buffer = '';
                response.on('data', (chunk: string) => {
                  const at = now();
                  buffer += chunk;
                  const end = buffer.lastIndexOf('\n\n');
                  if (end < 0) return;
                  // An incident frame's first "id" is the incident's (its nested objects have none).
                  for (const frame of buffer.slice(0, end).split('\n\n')) {
                    if (/^event: incident$/m.test(frame)) seen(sseRead, sseSamples, frame, at, /"id":"([^"]+)"/);
                  }
                  buffer = buffer.slice(end + 2);
                });
                resolve();
              },
            );
            req.on('error', (error) => (/socket hang up|ECONNRESET/.test(error.message) ? undefined : reject(error)));
            req.end();
            requests.push(req);
          }),
      ),
    );
    // Every TAK client has its picture before the first incident.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    print(`  ${CLIENTS} TAK clients (TLS, client certificates) and ${CLIENTS} SSE clients connected`);

    const coordinator = (await node.repos.users.findByUsername('coord.ml'))!;
    const actor: Actor = await actorFor(node, coordinator);
    const incidents = new IncidentService(node);
    let missingTak = 0;
    let missingSse = 0;
    for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
      warming = round < WARMUP;
      const started = now();
      const incident = await incidents.create(actor, recentClashNearDiboli());
      written.set(incident.id, started);
      await until(() => (takRead.get(incident.id) ?? 0) >= CLIENTS && (sseRead.get(incident.id) ?? 0) >= CLIENTS, 10_000);
      if (!warming) {
        missingTak += CLIENTS - (takRead.get(incident.id) ?? 0);
        missingSse += CLIENTS - (sseRead.get(incident.id) ?? 0);
      }
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    print(`  ${summary('TAK: incident written → CoT event read by every client', takSamples)}`);
    print(`  ${summary('SSE: incident written → frame read by every client (same run)', sseSamples)}`);
    print(`  deliveries missing: TAK ${missingTak}, SSE ${missingSse}`);
    for (const socket of sockets.splice(0)) socket.destroy();
    for (const req of requests) req.destroy();
    agent.destroy();

    // Inbound: one leader's device sends PLIs for its patrol under way.
    const leader = (await node.repos.users.findByUsername('lead.ml'))!;
    const planner = await actorFor(node, coordinator);
    const service = new PatrolService(node);
    const start = new Date();
    const patrol = await service.create(planner, {
      name: 'Bench TAK',
      kind: 'national',
      unitIds: ['ml-gend-kayes'],
      axisId: 'N1-RN1-TAMBACOUNDA-KAYES',
      plannedStart: start.toISOString(),
      plannedEnd: new Date(start.getTime() + 8 * 3_600_000).toISOString(),
      leaderUserId: leader.id,
    });
    for (const action of ['propose', 'approve', 'start'] as const) await service.act(planner, patrol.id, action);
    const leaderKeys = await credentials('lead.ml');
    const socket = await new Promise<TLSSocket>((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port, servername: 'localhost', ...leaderKeys }, () => resolve(s));
      s.on('error', reject);
    });
    socket.resume();
    const base = Date.now() - PLIS * 1000 - 60_000;
    const sent = now();
    for (let i = 0; i < PLIS; i += 1) {
      const at = new Date(base + i * 1000).toISOString();
      socket.write(
        `<event version="2.0" uid="ANDROID-bench" type="a-f-G-U-C" how="m-g" time="${at}" start="${at}" stale="${at}"><point lat="${14.45 + i * 1e-5}" lon="-12.2" hae="0" ce="5" le="9999999"/><detail><contact callsign="BENCH"/></detail></event>`,
      );
    }
    let stored = 0;
    const deadline = Date.now() + 120_000;
    while (stored < PLIS && Date.now() < deadline) {
      stored = (await node.repos.patrols.track(patrol.id)).length;
      if (stored < PLIS) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (now() - sent) / 1000;
    print(`  inbound: ${stored} of ${PLIS} PLIs from one device stored as positions in ${seconds.toFixed(2)} s: ${(stored / seconds).toFixed(0)} PLI/s`);
    socket.destroy();
    await tak.close();
    await app.close();
  } finally {
    for (const socket of sockets) socket.destroy();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
