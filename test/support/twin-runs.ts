import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, createNodeContext } from '../../src/composition.js';
import { installDemo } from '../../src/cli/demo.js';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { loadConfig } from '../../src/config.js';
import type { Incident } from '../../src/contracts/incident.js';
import { generateNodeKeys, parsePrivateKey, type NodeKeyPair } from '../../src/federation/node-keys.js';
import { newNonce, signRequest } from '../../src/federation/request-signature.js';
import { earlyWarningOf } from '../../src/services/early-warning-service.js';
import { storeNewIncident } from '../../src/services/incident-service.js';
import type { NodeContext } from '../../src/services/node-context.js';
import { registerPeer } from '../../src/services/peer-registration.js';
import { attachCredential } from '../../src/services/secondments.js';
import { CREDENTIAL_FORMAT } from '../../src/domain/secondment.js';
import { signCredential } from '../../src/federation/secondment-signature.js';
import { fixedClock, type IdSource } from '../../src/kernel/clock.js';
import { openStore, type Store } from '../../src/store/database.js';
import { WebhookRepository } from '../../src/store/webhook-repository.js';
import { subscribeStream, type StreamSubscription } from './sse-client.js';

/**
 * Two runs of Mali's node side by side for the non-interference property: the real one gets every
 * write of Mali, the twin only what Senegal may see. Both start from one copy of the same data
 * folder (same users, keys, peers, demo records), with clocks held equal and ids made by
 * `CountingIds`.
 */

export const START = '2027-03-01T12:00:00.000Z';

/**
 * Ids the harness controls: a write's record gets `label-n` (the label names the operation, the
 * same in both runs), and what is derived for one audience (`alert:SN`, `delivery:SN`) is counted
 * per audience — so Senegal's ids are equal in both runs exactly when what Senegal was sent is.
 */
export class CountingIds implements IdSource {
  private label = 'setup';
  private count = 0;
  private readonly scoped = new Map<string, number>();

  operation(label: string): void {
    this.label = label;
    this.count = 0;
  }

  newId(scope?: string): string {
    if (scope) {
      const next = (this.scoped.get(scope) ?? 0) + 1;
      this.scoped.set(scope, next);
      return `${scope.replace(':', '-')}-${next}`;
    }
    this.count += 1;
    return `${this.label}-${this.count}`;
  }
}

export interface Template {
  dir: string;
  /** Senegal's node key: the feed is read as Senegal's node. */
  senegal: NodeKeyPair;
  /** A point on each of a few sections of the Mali–Senegal border, with the section's line. */
  places: { section: string; point: { lat: number; lon: number }; line: [number, number][] }[];
}

/** Mali's demo node with Senegal registered as its peer, made once and copied for every run. */
export async function makeTemplate(): Promise<Template> {
  const dir = mkdtempSync(join(tmpdir(), 'diboli-twin-template-'));
  const config = loadConfig({ dataDir: dir }, {});
  const store = await openStore(dir);
  await installDemo(store, config);
  const node = await createNodeContext(config, store);
  const senegal = generateNodeKeys();
  await registerPeer(node, { nation: 'SN', url: 'http://127.0.0.1:9', key: senegal.publicKey });
  // A new key for Senegal's node voids what the demo's stand-in key signed: Senegal's officers get
  // credentials signed with this one, valid over the runs' clock and the machine's.
  const now = node.clock.now().getTime();
  const issuedAt = new Date(Math.min(now, Date.parse(START))).toISOString();
  const expiresAt = new Date(Math.max(now, Date.parse(START)) + 300 * 86_400_000).toISOString();
  for (const [username, role] of [
    ['coord.sn', 'coordinator'],
    ['liaison.sn', 'liaison'],
  ] as const) {
    const user = (await node.repos.users.findByUsername(username))!;
    const unsigned = {
      format: CREDENTIAL_FORMAT,
      id: `twin-${username}`,
      mechanism: node.mechanism.id,
      issuer: 'SN',
      host: node.nation,
      username,
      role,
      issuedAt,
      expiresAt,
    } as const;
    await attachCredential(node, user, signCredential(unsigned, parsePrivateKey(senegal.privateKey)));
  }
  const border = (await node.repos.geography.sections()).filter((s) => s.id.startsWith('ML-SN'));
  // Three sections apart from each other, the first near Diboli where the demo's axis runs.
  const picked = [border[1], border[Math.floor(border.length / 2)], border[border.length - 2]].filter((s) => s !== undefined);
  const places = picked.map((s) => {
    const [lon, lat] = s.geometry.coordinates[Math.floor(s.geometry.coordinates.length / 2)] as [number, number];
    return { section: node.sectionAt({ lat, lon }) ?? s.id, point: { lat, lon }, line: s.geometry.coordinates as [number, number][] };
  });
  await store.close();
  return { dir, senegal, places };
}

export interface Answer {
  status: number;
  body: unknown;
}

export interface Run {
  name: 'real' | 'twin';
  dir: string;
  store: Store;
  node: NodeContext;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  ids: CountingIds;
  stream: StreamSubscription;
  call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, options: { as: string; body?: unknown }): Promise<Answer>;
  /** The feed as Senegal's node reads it (signed request, the same nonce in both runs). */
  feed(after: number, nonce: string): Promise<Answer & { signature: string }>;
  /** Waits for queued early-warning work and webhook posts. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startRun(
  template: Template,
  name: Run['name'],
  options: { positionsToSenegal: boolean; webhooks: { nation: string; url: string }[] },
): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), `diboli-twin-${name}-`));
  for (const file of readdirSync(template.dir)) copyFileSync(join(template.dir, file), join(dir, file));
  // The webhook receivers listen on loopback, which a node refuses unless told otherwise.
  // Sessions of 30 days: the runs' clocks jump ahead, and a stream ends with its session.
  const config = loadConfig({ dataDir: dir, webhookAllowedHosts: '127.0.0.1', tokenTtlHours: 720 }, {});
  const store = await openStore(dir);
  if (options.positionsToSenegal) {
    store.sqlite.prepare(`UPDATE mechanisms SET sharing_policy = json_set(sharing_policy, '$.position', json('["SN"]'))`).run();
  }
  const hooks = new WebhookRepository(store.db);
  for (const [i, hook] of options.webhooks.entries()) {
    await hooks.insert({
      id: `hook-${hook.nation.toLowerCase()}-${i}`,
      url: hook.url,
      nation: hook.nation,
      description: null,
      enabled: true,
      createdAt: START,
      createdBy: null,
    });
  }
  const clock = fixedClock(START);
  const ids = new CountingIds();
  const node = await createNodeContext(config, store, { clock, ids });
  const app = await buildApp(node, {
    webRoot: false,
    earlyWarning: { tickMs: 0, webhooks: { backoffMs: 20, maxBackoffMs: 50, maxAttempts: 5, timeoutMs: 2000 } },
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const tokens = new Map<string, string>();
  const authenticators = new DemoAuthenticators();
  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const code = authenticators.codeFor(username, clock.now());
      const answer = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD, code } });
      tokens.set(username, (answer.json() as { token: string }).token);
    }
    return tokens.get(username)!;
  };
  const earlyWarning = earlyWarningOf(node);
  await earlyWarning.settled();
  const stream = await subscribeStream(origin, await token('liaison.sn'));
  const senegalKey = parsePrivateKey(template.senegal.privateKey);
  return {
    name,
    dir,
    store,
    node,
    app,
    clock,
    ids,
    stream,
    async call(method, url, { as, body }) {
      const send = async () => {
        const headers: Record<string, string> = { authorization: `Bearer ${await token(as)}` };
        if (body !== undefined) headers['content-type'] = 'application/json';
        return app.inject({ method, url, headers, payload: body === undefined ? undefined : JSON.stringify(body) });
      };
      let answer = await send();
      if (answer.statusCode === 401) {
        // The clock moved past the session's expiry: log in again (in both runs alike).
        tokens.delete(as);
        answer = await send();
      }
      let parsed: unknown = answer.body;
      if ((answer.headers['content-type'] ?? '').toString().includes('json')) parsed = answer.json();
      return { status: answer.statusCode, body: parsed };
    },
    async feed(after, nonce) {
      const pathAndQuery = `/federation/v1/feed?after=${after}&limit=1000`;
      const headers = signRequest(
        { method: 'GET', pathAndQuery, audience: 'ML', timestamp: clock.now().getTime(), nonce },
        senegalKey,
        template.senegal.publicKey,
      );
      const answer = await app.inject({ method: 'GET', url: pathAndQuery, headers });
      return {
        status: answer.statusCode,
        body: answer.statusCode === 200 ? answer.json() : answer.body,
        signature: String(answer.headers['x-diboli-signature'] ?? ''),
      };
    },
    async settle() {
      await earlyWarning.settled();
      // Position frames are sent once the patrol is read back, a turn of the event loop later.
      await new Promise((resolve) => setImmediate(resolve));
      const deliveries = new WebhookRepository(store.db);
      for (let i = 0; i < 500; i += 1) {
        const waiting = (await deliveries.deliveries()).filter((d) => d.status === 'pending');
        if (waiting.length === 0) return;
        await earlyWarning.deliverDue();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(`${name}: webhook deliveries still pending`);
    },
    async close() {
      stream.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The twin's side of a write that changes what Senegal may see of an incident: it appears (the
 * version Senegal now sees, as released), or it disappears (deleted, with the retraction a
 * narrowing sends). Both go through the node's release step, like the real run's write.
 */
export async function twinAppears(twin: Run, incident: Incident): Promise<void> {
  await storeNewIncident(twin.node, incident);
  twin.node.events.emit('incident', { after: incident });
}

export async function twinDisappears(twin: Run, id: string, version: number): Promise<void> {
  const before = await twin.node.repos.incidents.findVisible(id, twin.node.nation);
  if (!before) throw new Error(`twin: no incident ${id}`);
  await twin.store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('incidents').select('seq').where('id', '=', id).executeTakeFirstOrThrow();
    await trx.deleteFrom('incidentBbox').where('id', '=', row.seq).execute();
    await trx.deleteFrom('incidents').where('id', '=', id).execute();
    await twin.node.release.record(trx, {
      record: { kind: 'incident', id, owner: before.owner, version, releasableTo: [], body: null },
      previous: before.releasableTo,
      deleted: true,
    });
  });
  twin.node.events.emit('incident', { before });
}

/** A feed nonce both runs are given: the signed answer depends on it. */
export const feedNonce = newNonce;
