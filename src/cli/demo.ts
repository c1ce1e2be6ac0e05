import { STRATEGIC_AXES } from '../geo/axes.js';
import type { NodeConfig } from '../config.js';
import type { Store } from '../store/database.js';
import { AccountKeys } from '../services/account-keys.js';
import { addUser } from '../services/auth-service.js';
import { authenticatorOf, SecondFactors } from '../services/second-factors.js';
import { createNodeContext, withStore } from '../composition.js';
import { repositoriesOf } from '../store/repositories.js';
import type { NodeContext } from '../services/node-context.js';
import { setUpNode } from '../services/node-setup.js';
import { PatrolService } from '../services/patrol-service.js';
import { FieldReporting } from '../services/field-reporting.js';
import { fixedClock } from '../kernel/clock.js';
import type { Actor } from '../domain/user.js';
import type { Incident } from '../contracts/incident.js';
import { storeNewIncident } from '../services/incident-service.js';
import { EarlyWarningService } from '../services/early-warning-service.js';
import { OrganisationService } from '../services/organisation-service.js';
import { storeReceivedCopy } from '../services/received-copies.js';
import { CREDENTIAL_FORMAT, type SecondedRole, type SecondmentCredential } from '../domain/secondment.js';
import { generateNodeKeys, parsePrivateKey } from '../federation/node-keys.js';
import { signCredential } from '../federation/secondment-signature.js';
import { registerPeer } from '../services/peer-registration.js';
import { attachCredential } from '../services/secondments.js';
import type { Command } from './command.js';
import {
  DEMO_ALERT_RULES,
  DEMO_INCIDENTS,
  DEMO_MECHANISM,
  DEMO_PASSWORD,
  DEMO_PATROLS,
  DEMO_POSTS,
  DEMO_SECOND_FACTORS,
  DEMO_UNITS,
  DEMO_USERS,
  type DemoAlertRule,
} from './demo-content.js';
import { configFrom, NODE_FLAGS, NODE_FLAGS_HELP, parseFlags, reportingErrors, SERVE_FLAGS } from './options.js';
import { serveNode } from './serve.js';
import { DAY_MS } from '../kernel/durations.js';

const SEEDED_AT = '2026-11-28T12:00:00.000Z';

async function seed(node: NodeContext, options: DemoOptions): Promise<void> {
  const clock = fixedClock(SEEDED_AT);
  // Demo records keep fixed ids so that the story can be referred to (and tested) by id.
  const plannedIds: string[] = [];
  const seeding: NodeContext = { ...node, clock, ids: { newId: () => plannedIds.shift() ?? node.ids.newId() } };
  const actors = new Map<string, Actor>();
  const secondFactors = new SecondFactors(seeding, AccountKeys.inDataFolder(node.config.dataDir));
  const senegal = await senegalForTheDemo(node);
  for (const u of DEMO_USERS) {
    const user = await addUser(seeding, { ...u, password: DEMO_PASSWORD });
    const actor: Actor = { userId: user.id, username: user.username, nation: user.nation, role: user.role, hostNation: node.nation };
    if (user.nation === 'SN') {
      // Senegal's officers act here only through the credentials Senegal's node signed for them.
      const credential = senegal.second(user.username, u.role as SecondedRole);
      await attachCredential(node, user, credential);
      actor.secondment = { id: credential.id, issuer: credential.issuer, role: credential.role, expiresAt: credential.expiresAt };
    }
    actors.set(u.username, actor);
    const secret = DEMO_SECOND_FACTORS[u.username];
    if (secret) await secondFactors.enrolWithSecret(user, secret);
  }
  const partnersOf = (owner: string) => node.mechanism.nations.filter((n) => n !== owner);
  // Mali's own records are written and released like any other; the partners' ones stand for the
  // copies their nodes released to this one, stored as received (never released onward).
  const organisation = new OrganisationService(node);
  const times = { version: 1, createdAt: SEEDED_AT, updatedAt: SEEDED_AT };
  for (const unit of DEMO_UNITS) {
    const record = { ...unit, releasableTo: partnersOf(unit.owner) };
    if (unit.owner === node.nation) await organisation.addUnit(record, SEEDED_AT);
    else await storeReceivedCopy(node, 'unit', { ...record, ...times });
  }
  for (const post of DEMO_POSTS) {
    const record = { ...post, releasableTo: partnersOf(post.owner), section: node.sectionAt(post.location) };
    if (post.owner === node.nation) await organisation.addPost(record, SEEDED_AT);
    else await storeReceivedCopy(node, 'post', { ...record, ...times });
  }
  const incidents: Incident[] = [];
  for (const incident of DEMO_INCIDENTS) {
    const record: Incident = {
      injured: null,
      abducted: null,
      ...incident,
      geoPrecision: 'exact',
      section: node.sectionAt(incident.location),
      version: 1,
      createdAt: incident.occurredAt,
      updatedAt: incident.occurredAt,
      createdBy: null,
    };
    if (incident.owner === node.nation) await storeNewIncident(node, record);
    else await storeReceivedCopy(node, 'incident', record);
    incidents.push(record);
  }
  // Threat levels are early warning's, computed per audience when the node starts.

  const patrols = new PatrolService(seeding);
  const fieldReporting = new FieldReporting(seeding);
  for (const plan of DEMO_PATROLS) {
    // Planned two days ahead, or on the day the demo was made for patrols still to come.
    clock.set(new Date(Math.min(Date.parse(plan.plannedStart) - 2 * DAY_MS, Date.parse(SEEDED_AT))).toISOString());
    const coordinator = actors.get('coord.ml')!;
    plannedIds.push(plan.id);
    await patrols.create(coordinator, {
      name: plan.name,
      kind: 'joint',
      unitIds: plan.unitIds,
      axisId: plan.axisId,
      plannedStart: plan.plannedStart,
      plannedEnd: plan.plannedEnd,
      leaderUserId: actors.get(plan.leader)!.userId,
    });
    for (const step of plan.steps) {
      if (step.action === 'start') clock.set(plan.plannedStart);
      if (step.action === 'complete') clock.set(plan.track?.at(-1)?.at ?? plan.plannedEnd);
      if (step.action === 'complete' && plan.track) await fieldReporting.reportPositions(actors.get(step.by)!, plan.id, plan.track);
      await patrols.act(actors.get(step.by)!, plan.id, step.action);
    }
  }

  // Alert rules, and the alerts they raise for the story's incidents in each audience that may see
  // them (level-rising alerts come when the node starts and computes the levels).
  if (options.alertRules === false) return;
  clock.set(SEEDED_AT);
  const earlyWarning = new EarlyWarningService(seeding, { tickMs: 0 });
  for (const rule of DEMO_ALERT_RULES) {
    const input = ruleInput(node, rule);
    if (input) await earlyWarning.addRule(actors.get('coord.ml')!, input);
  }
  await earlyWarning.alerting.incidentsChanged(
    incidents.map((after) => ({ after })),
    async () => new Map(),
  );
}

/** A demo rule as the API takes it; a section named by a point in it (none there: the rule is left out). */
function ruleInput(node: NodeContext, { sectionAt, ...rule }: DemoAlertRule): Record<string, unknown> | undefined {
  if (!sectionAt) return rule;
  const section = node.sectionAt(sectionAt);
  return section ? { ...rule, target: { kind: 'section', id: section } } : undefined;
}

/**
 * Senegal's node is not part of the demo: a key pair stands for it, registered as Senegal's peer
 * (at an address where nothing answers, so pulls from it fail and are logged) and used once, here,
 * to sign the secondments of Senegal's two officers on Mali's node. Its private key is then dropped.
 */
async function senegalForTheDemo(node: NodeContext): Promise<{ second(username: string, role: SecondedRole): SecondmentCredential }> {
  const keys = generateNodeKeys();
  await registerPeer(node, { nation: 'SN', url: 'http://127.0.0.1:9', key: keys.publicKey });
  const privateKey = parsePrivateKey(keys.privateKey);
  // Valid from the story's dates to a year after today, whichever clock the node runs on.
  const now = node.clock.now().getTime();
  const issuedAt = new Date(Math.min(now, Date.parse(SEEDED_AT))).toISOString();
  const expiresAt = new Date(Math.max(now, Date.parse(SEEDED_AT)) + 365 * DAY_MS).toISOString();
  return {
    second: (username, role) =>
      signCredential(
        {
          format: CREDENTIAL_FORMAT,
          id: `demo-secondment-${username}`,
          mechanism: node.mechanism.id,
          issuer: 'SN',
          host: node.nation,
          username,
          role,
          issuedAt,
          expiresAt,
        },
        privateKey,
      ),
  };
}

export interface DemoOptions {
  /** Seed the demo's alert rules and their alerts (default); tests of alert rules start from none. */
  alertRules?: boolean;
}

/** Makes an empty store the demo node of Mali; used by `diboli demo` and by the tests. */
export async function installDemo(
  store: Store,
  config: NodeConfig,
  progress: (line: string) => void = () => {},
  options: DemoOptions = {},
): Promise<NodeContext> {
  progress('Setting up the demo node of Mali…');
  await setUpNode(
    repositoriesOf(store),
    { nation: 'ML', partners: ['SN', 'MR'], sectionKm: config.sectionKm, mechanism: DEMO_MECHANISM, axes: [...STRATEGIC_AXES] },
    progress,
  );
  progress('Adding users, units, posts, patrols and incidents…');
  const node = await createNodeContext(config, store);
  await seed(node, options);
  return node;
}

/** The demo's second-factor secrets, each with the otpauth:// address a QR code would hold. */
function demoAuthenticators(): string[] {
  return Object.entries(DEMO_SECOND_FACTORS).flatMap(([username, secret]) => [
    `  ${username.padEnd(12)} ${secret}`,
    `  ${''.padEnd(12)} ${authenticatorOf('ML', username, secret).toString()}`,
  ]);
}

export const demoCommand: Command = {
  summary: 'set up a Mali node with the Mali–Senegal demo (and serve it with --serve)',
  help: `Usage: diboli demo --data DIR [--serve] [--host 127.0.0.1] [--port 8080]

Makes DIR the node of Mali in the Mali–Senegal mechanism of the Kayes region (Mauritania as third
partner), with units, posts, the N1/RN1 corridor, the joint patrol launched at Diboli on
2025-02-20, incidents — some released by Senegal and Mauritania to Mali, some national only — and
alert rules of Mali's coordination centre, some released to Senegal, that the incidents set off.
Runs only once per folder: an existing demo node is left as it is. With --serve, then runs the node.

Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}.
${Object.keys(DEMO_SECOND_FACTORS).join(', ')} also give a code from an authenticator app holding
their demo secret (printed by --serve, with otpauth:// addresses to paste or turn into QR codes).
coord.sn and liaison.sn are Senegal's officers seconded to Mali's node: their credentials are
signed by a stand-in key registered as Senegal's node (nothing answers at its address).

Options:
  --serve        run the node afterwards (like \`diboli serve\`)
  --host, --port, --tls-cert, --tls-key, --trust-proxy as for \`diboli serve\`
${NODE_FLAGS_HELP}`,
  async run(args, io) {
    const { values } = parseFlags(args, { ...NODE_FLAGS, ...SERVE_FLAGS, serve: { type: 'boolean' } });
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'demo', async () => {
      await withStore(config, async (store) => {
        if (await repositoriesOf(store).node.identity()) {
          io.stderr(`Demo node already present in ${config.dataDir}; keeping its data.\n`);
        } else {
          await installDemo(store, config, (line) => io.stderr(`${line}\n`));
        }
      });
      if (!values.serve) {
        io.stdout(`Demo node ready in ${config.dataDir}. Start it with: diboli serve --data ${config.dataDir}\n`);
        return 0;
      }
      return serveNode(config, io, (url) =>
        [
          `Diboli demo node (Mali) on ${url}`,
          `API document: ${url}/api/docs`,
          `Logins (password "${DEMO_PASSWORD}"):`,
          ...DEMO_USERS.map((u) => `  ${u.username.padEnd(12)} ${u.nation} ${u.role.padEnd(12)} ${u.displayName}`),
          'Second factor (add the secret to an authenticator app; the login asks for its 6-digit code):',
          ...demoAuthenticators(),
          '',
        ].join('\n'),
      );
    });
  },
};
