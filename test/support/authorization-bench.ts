import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { CREDENTIAL_FORMAT } from '../../src/domain/secondment.js';
import type { Role } from '../../src/contracts/vocabularies.js';
import { generateNodeKeys, parsePrivateKey } from '../../src/federation/node-keys.js';
import { newNonce, signRequest } from '../../src/federation/request-signature.js';
import { signCredential } from '../../src/federation/secondment-signature.js';
import { addUser, tokenHash } from '../../src/services/auth-service.js';
import { registerPeer } from '../../src/services/peer-registration.js';
import { attachCredential } from '../../src/services/secondments.js';
import { startDemoNode, type DemoNode } from './demo-node.js';
import { reportedRoutes, routerRoutes, type NodeRoute } from './route-table.js';

/**
 * The callers of the authorization matrix, one column each, in the table's order: nobody; each
 * role of the host nation (Mali) on its own node; Senegal's officers seconded to it with
 * credentials Senegal's node signed; a Senegalese account Mali's administrator made without one;
 * and Senegal's node itself, calling with a signed request.
 */
export const CALLERS = [
  { name: 'anonymous', column: 'anon', group: 0, is: 'no token, no signature' },
  { name: 'coord.ml', column: 'c.ml', group: 1, is: 'Mali, coordinator' },
  { name: 'liaison.ml', column: 'l.ml', group: 1, is: 'Mali, liaison' },
  { name: 'lead.ml', column: 'lead', group: 1, is: 'Mali, patrol leader' },
  { name: 'analyst.ml', column: 'anal', group: 1, is: 'Mali, analyst' },
  { name: 'admin.ml', column: 'admn', group: 1, is: 'Mali, administrator' },
  { name: 'observer.ml', column: 'obsv', group: 1, is: 'Mali, observer' },
  { name: 'coord.sn', column: 'c.sn', group: 2, is: 'Senegal, coordinator seconded with Senegal’s credential' },
  { name: 'liaison.sn', column: 'l.sn', group: 2, is: 'Senegal, liaison seconded with Senegal’s credential' },
  { name: 'faux.sn', column: 'faux', group: 2, is: 'Senegal, coordinator account made by Mali’s administrator, no credential' },
  { name: 'node.sn', column: 'node', group: 3, is: 'Senegal’s node: a request signed with its registered key, no token' },
] as const;

/** The columns as a row writes them: `anon | c.ml l.ml lead anal admn obsv | c.sn l.sn faux | node`. */
export const COLUMNS = CALLERS.map((c, i) => (i > 0 && CALLERS[i - 1]!.group !== c.group ? `| ${c.column}` : c.column)).join(' ');

export type Caller = (typeof CALLERS)[number]['name'];

/**
 * What a cell expects: `ok` an answer (2xx, or a redirect: the API document sends its old page's
 * address on); `401` not authenticated; `403` refused; `404` a record the caller may not see.
 */
export const OUTCOMES = ['ok', '401', '403', '404'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function outcomeOf(status: number): Outcome | string {
  if (status >= 200 && status < 400) return 'ok';
  return String(status);
}

/** A minimal valid request of one route for one caller; the route's address as registered when `url` is not given. */
export interface CellRequest {
  url?: string;
  body?: unknown;
  /** A token of the caller's other than its usual session (for the logout). */
  token?: string;
  /** The answer is an event stream that does not end: only its status is read, over a socket. */
  stream?: true;
  /** A body that is not JSON (a CSV or GPX file, a photo's bytes), sent as it is with its content type. */
  file?: { contentType: string; text: string | Buffer };
}

export type Send = (bench: Bench, caller: Caller) => CellRequest | Promise<CellRequest>;

export interface Answer {
  status: number;
  code?: string;
}

/** The callers the demo lacks: Mali's liaison, and a Senegalese account Mali's administrator makes without a credential. */
const ADDED_USERS: { username: string; nation: string; role: Role }[] = [
  { username: 'liaison.ml', nation: 'ML', role: 'liaison' },
  { username: 'faux.sn', nation: 'SN', role: 'coordinator' },
];

/** The stand-in web UI's files, as the node serves them: its page at two addresses, and a script. */
const WEB_UI_SCRIPT = '/assets/app-5e1f.js';
export const WEB_UI_FILES = ['/', '/index.html', WEB_UI_SCRIPT];

export const JOINT_UNITS = ['ml-gtia-diboli', 'sn-garsi-kidira'];
export const NEAR_DIBOLI = { lat: 14.452, lon: -12.19 };
export const AXIS = 'N1-RN1-TAMBACOUNDA-KAYES';
type PatrolStatus = 'draft' | 'proposed' | 'approved' | 'underway' | 'completed';

/**
 * Mali's demo node with every caller of the matrix able to call it, and the records the rows'
 * requests name. Writes a row allows do not disturb the next rows: a request that moves a record
 * along its lifecycle gets a fresh record of its own.
 */
export class Bench {
  /** The routes the node's router answers, and those its `onRoute` hooks were told of. */
  routes: NodeRoute[] = [];
  reported: NodeRoute[] = [];
  /** Ids of records the rows name: the public alert raised for each nation, a rule and a webhook of Mali's. */
  alerts: Record<'ML' | 'SN', string> = { ML: '', SN: '' };
  switchableRule = 'matrix-switch';
  maliWebhook = '';
  settings: unknown;
  private count = 0;
  private senegal = generateNodeKeys();
  private origin = '';

  private constructor(
    readonly demo: DemoNode,
    private readonly pages: string,
  ) {}

  static async start(): Promise<Bench> {
    // A stand-in for the built web UI: the node serves whatever files its web folder holds.
    const pages = mkdtempSync(join(tmpdir(), 'diboli-matrix-pages-'));
    mkdirSync(join(pages, 'assets'));
    writeFileSync(join(pages, 'index.html'), `<!doctype html><title>Diboli</title><script type="module" src="${WEB_UI_SCRIPT}"></script>`);
    writeFileSync(join(pages, WEB_UI_SCRIPT), 'export {};\n');
    // Webhooks of the rows post to a closed loopback port, which the node refuses unless allowed.
    const { built: demo, reported } = await reportedRoutes(() => startDemoNode({ webRoot: pages, config: { webhookAllowedHosts: '127.0.0.1' } }));
    const bench = new Bench(demo, pages);
    bench.reported = reported;
    await demo.app.ready();
    bench.routes = routerRoutes(demo.app);
    // The live stream is read over a socket: an answer that never ends cannot be injected.
    bench.origin = await demo.app.listen({ host: '127.0.0.1', port: 0 });
    await bench.setUp();
    return bench;
  }

  async close(): Promise<void> {
    await this.demo.close();
    rmSync(this.pages, { recursive: true, force: true });
  }

  private async setUp(): Promise<void> {
    const node = this.demo.node;
    for (const user of ADDED_USERS) await addUser(node, { ...user, password: DEMO_PASSWORD });
    // Senegal's node gets a key the test holds, to sign its requests; its officers' credentials
    // are signed again with it (the demo's were signed with a key it dropped).
    await registerPeer(node, { nation: 'SN', url: 'http://127.0.0.1:9', key: this.senegal.publicKey });
    const now = node.clock.now().getTime();
    for (const [username, role] of [
      ['coord.sn', 'coordinator'],
      ['liaison.sn', 'liaison'],
    ] as const) {
      const user = (await node.repos.users.findByUsername(username))!;
      const unsigned = {
        format: CREDENTIAL_FORMAT,
        id: `matrix-${username}`,
        mechanism: node.mechanism.id,
        issuer: 'SN',
        host: 'ML',
        username,
        role,
        issuedAt: new Date(now - 86_400_000).toISOString(),
        expiresAt: new Date(now + 30 * 86_400_000).toISOString(),
      } as const;
      await attachCredential(node, user, signCredential(unsigned, parsePrivateKey(this.senegal.privateKey)));
    }
    // A public alert raised for each nation, from an incident released to Senegal near the axis.
    const rule = { kind: 'incident-near', eventTypes: ['Battles'], target: { kind: 'axis', id: AXIS }, withinKm: 20 };
    await this.expect2xx('POST', '/api/v1/alert-rules', 'coord.ml', { id: 'matrix-public', ...rule, public: true });
    await this.expect2xx('POST', '/api/v1/alert-rules', 'coord.ml', { id: this.switchableRule, ...rule, enabled: false });
    const incident = await this.expect2xx('POST', '/api/v1/incidents', 'coord.ml', { ...this.incident(), releasableTo: ['SN'] });
    for (const [nation, as] of [
      ['ML', 'coord.ml'],
      ['SN', 'coord.sn'],
    ] as const) {
      const alerts = (await this.expect2xx('GET', '/api/v1/alerts', as)) as { id: string; cause?: { id: string } }[];
      this.alerts[nation] = alerts.find((a) => a.cause?.id === (incident as { id: string }).id)!.id;
    }
    // Later incidents raise nothing: the rows' writes then post nothing anywhere.
    await this.expect2xx('PATCH', '/api/v1/alert-rules/matrix-public', 'coord.ml', { enabled: false });
    this.maliWebhook = ((await this.expect2xx('POST', '/api/v1/webhooks', 'coord.ml', { url: 'http://127.0.0.1:9/mali' })) as { id: string }).id;
    this.settings = await this.expect2xx('GET', '/api/v1/early-warning/settings', 'coord.ml');
  }

  /** A number not used before in this run, for names and ids. */
  next(): number {
    this.count += 1;
    return this.count;
  }

  /** An hour ago: recent enough for every rule, never in the future. */
  recent(): string {
    return new Date(this.demo.node.clock.now().getTime() - 3_600_000).toISOString();
  }

  /** The body of a new incident near Diboli (released as the mechanism's policy says). */
  incident(): Record<string, unknown> {
    return { occurredAt: this.recent(), location: NEAR_DIBOLI, eventType: 'Battles', subEventType: 'Armed clash' };
  }

  /** The nation a caller acts for: Senegal's officers and node are Senegal, the rest Mali. */
  nationOf(caller: Caller): 'ML' | 'SN' {
    return caller.endsWith('.sn') ? 'SN' : 'ML';
  }

  /** A new joint patrol of Mali and Senegal, brought to `status` by Mali's and Senegal's coordinators. */
  async patrol(status: PatrolStatus): Promise<string> {
    const n = this.next();
    const start = new Date(Date.parse('2027-06-01T06:00:00.000Z') + n * 86_400_000);
    const created = (await this.expect2xx('POST', '/api/v1/patrols', 'coord.ml', {
      name: `Patrouille de la matrice ${n}`,
      kind: 'joint',
      unitIds: JOINT_UNITS,
      plannedStart: start.toISOString(),
      plannedEnd: new Date(start.getTime() + 43_200_000).toISOString(),
    })) as { id: string };
    const steps: [PatrolStatus, string, Caller][] = [
      ['proposed', 'propose', 'coord.ml'],
      ['approved', 'approve', 'coord.ml'],
      ['approved', 'approve', 'coord.sn'],
      ['underway', 'start', 'coord.ml'],
      ['completed', 'complete', 'coord.ml'],
    ];
    const order: PatrolStatus[] = ['draft', 'proposed', 'approved', 'underway', 'completed'];
    for (const [reached, action, as] of steps) {
      if (order.indexOf(reached) > order.indexOf(status)) break;
      await this.expect2xx('POST', `/api/v1/patrols/${created.id}/${action}`, as);
    }
    return created.id;
  }

  /** A new candidate event waiting for review, from an article Mali's analyst submits. */
  async candidate(): Promise<string> {
    const n = this.next();
    const article = {
      published: '2026-11-25',
      title: `Kidira : saisie de carburant de contrebande (${n})`,
      text: 'Kidira, 25 novembre 2026. La gendarmerie a arrêté mardi 24 novembre à Kidira trois passeurs qui convoyaient un camion de carburant de contrebande venu du Mali.',
      url: `https://presse.example.sn/kidira-${n}`,
    };
    const ingested = (await this.expect2xx('POST', '/api/v1/news/articles', 'analyst.ml', article)) as { articleId: string };
    const queue = (await this.expect2xx('GET', '/api/v1/news/candidates?status=pending', 'analyst.ml')) as { id: string; articleId: string }[];
    const found = queue.find((c) => c.articleId === ingested.articleId);
    if (!found) throw new Error(`article ${n} gave no candidate event`);
    return found.id;
  }

  /** A new user of Mali with the demo password (no second factor yet). */
  async user(role: Role): Promise<string> {
    const username = `matrix.${role.replace('_', '-')}.${this.next()}`;
    await addUser(this.demo.node, { username, nation: 'ML', role, password: DEMO_PASSWORD });
    return username;
  }

  /** A new coordinator half-way through setting up a second factor, and the first code of its authenticator. */
  async enrolling(): Promise<{ username: string; code: string }> {
    const username = await this.user('coordinator');
    const secret = (await this.expect2xx('POST', '/api/v1/auth/login/enrolment', 'anonymous', { username, password: DEMO_PASSWORD })) as { secret: string };
    const authenticators = new DemoAuthenticators();
    authenticators.learn(username, secret.secret);
    return { username, code: authenticators.codeFor(username, this.demo.node.clock.now())! };
  }

  /** A second session of a user caller, opened as a login would (without spending a one-time code). */
  async session(caller: Caller): Promise<string | undefined> {
    const user = await this.demo.node.repos.users.findByUsername(caller);
    if (!user) return undefined;
    const token = randomBytes(32).toString('base64url');
    const now = this.demo.node.clock.now();
    await this.demo.node.repos.users.insertSession(tokenHash(token), user.id, now.toISOString(), new Date(now.getTime() + 3_600_000).toISOString());
    return token;
  }

  /** Sends one cell's request as `caller` and reads the answer's status and error code. */
  async answer(caller: Caller, method: string, url: string, request: CellRequest): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (caller === 'node.sn') {
      const signed = { method, pathAndQuery: url, audience: 'ML', timestamp: Date.now(), nonce: newNonce() };
      Object.assign(headers, signRequest(signed, parsePrivateKey(this.senegal.privateKey), this.senegal.publicKey));
    } else if (caller !== 'anonymous') {
      headers.authorization = `Bearer ${request.token ?? (await this.demo.token(caller))}`;
    }
    const payload = request.file?.text ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    if (payload !== undefined) headers['content-type'] = request.file?.contentType ?? 'application/json';
    if (request.stream) return this.streamStatus(method, url, headers);
    const response = await this.demo.app.inject({ method: method as 'GET', url, headers, payload });
    let code: string | undefined;
    try {
      code = (JSON.parse(response.body) as { code?: string }).code;
    } catch {
      /* not a JSON answer */
    }
    return { status: response.statusCode, code };
  }

  /** The status of an answer that stays open (the live stream): read from the socket, then hung up. */
  private streamStatus(method: string, url: string, headers: Record<string, string>): Promise<Answer> {
    return new Promise((resolve, reject) => {
      // Not a measure of speed: a stream that never sends its headers must fail the cell, not hang the test.
      const request = httpRequest(`${this.origin}${url}`, { method, headers, timeout: 15_000 }, (response) => {
        resolve({ status: response.statusCode ?? 0 });
        request.destroy();
      });
      request.on('timeout', () => {
        reject(new Error('no answer: the headers never came'));
        request.destroy();
      });
      request.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
      request.end();
    });
  }

  /** A set-up upload (a file, not JSON) by Mali's coordinator that must succeed; its JSON answer. */
  async expect2xxFile(method: string, url: string, file: { contentType: string; text: string | Buffer }): Promise<unknown> {
    const headers = { authorization: `Bearer ${await this.demo.token('coord.ml')}`, 'content-type': file.contentType };
    const response = await this.demo.app.inject({ method: method as 'POST', url, headers, payload: file.text });
    if (response.statusCode < 200 || response.statusCode >= 300) throw new Error(`set-up ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  }

  /** A set-up call that must succeed; its JSON answer. */
  async expect2xx(method: string, url: string, as: Caller, body?: unknown): Promise<unknown> {
    const answer = await this.demo.call(method as 'GET', url, { ...(as === 'anonymous' ? {} : { as }), body });
    if (answer.status < 200 || answer.status >= 300) throw new Error(`set-up ${method} ${url} as ${as}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}
