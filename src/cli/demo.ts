import { STRATEGIC_AXES } from '../geo/axes.js';
import type { NodeConfig } from '../config.js';
import { openStore, type Store } from '../store/database.js';
import { addUser } from '../services/auth-service.js';
import { createNodeContext, repositoriesOf, type NodeContext } from '../services/node-context.js';
import { setUpNode } from '../services/node-setup.js';
import { PatrolService } from '../services/patrol-service.js';
import { fixedClock } from '../services/runtime.js';
import type { ThreatLevel } from '../store/geography-repository.js';
import type { Actor } from '../domain/user.js';
import type { Command } from './command.js';
import { DEMO_INCIDENTS, DEMO_MECHANISM, DEMO_PASSWORD, DEMO_PATROLS, DEMO_POSTS, DEMO_UNITS, DEMO_USERS } from './demo-content.js';
import { configFrom, NODE_FLAGS, NODE_FLAGS_HELP, parseFlags, reportingErrors, SERVE_FLAGS } from './options.js';
import { serveNode } from './serve.js';

const SEEDED_AT = '2026-11-28T12:00:00.000Z';

/** Demo threat levels until early warning computes them: more recorded incidents, hotter section. */
function levelFor(count: number): ThreatLevel {
  return count >= 3 ? 'critical' : count === 2 ? 'high' : count === 1 ? 'medium' : 'low';
}

async function seed(node: NodeContext): Promise<void> {
  const clock = fixedClock(SEEDED_AT);
  // Demo records keep fixed ids so that the story can be referred to (and tested) by id.
  const plannedIds: string[] = [];
  const seeding: NodeContext = { ...node, clock, ids: { newId: () => plannedIds.shift() ?? node.ids.newId() } };
  const actors = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const user = await addUser(seeding, { ...u, password: DEMO_PASSWORD });
    actors.set(u.username, { userId: user.id, username: user.username, nation: user.nation, role: user.role });
  }
  const partnersOf = (owner: string) => node.mechanism.nations.filter((n) => n !== owner);
  for (const unit of DEMO_UNITS) await node.repos.organisation.insertUnit({ ...unit, releasableTo: partnersOf(unit.owner) }, SEEDED_AT);
  for (const post of DEMO_POSTS) {
    await node.repos.organisation.insertPost({ ...post, releasableTo: partnersOf(post.owner), section: node.sectionAt(post.location) }, SEEDED_AT);
  }
  // Partner-owned incidents stand for what the partner's node released to this one.
  for (const incident of DEMO_INCIDENTS) {
    await node.repos.incidents.insert({
      injured: null,
      abducted: null,
      ...incident,
      geoPrecision: 'exact',
      section: node.sectionAt(incident.location),
      version: 1,
      createdAt: incident.occurredAt,
      updatedAt: incident.occurredAt,
      createdBy: null,
    });
  }
  const perSection = new Map<string, number>();
  for (const incident of DEMO_INCIDENTS) {
    const section = node.sectionAt(incident.location);
    if (section) perSection.set(section, (perSection.get(section) ?? 0) + 1);
  }
  for (const [section, count] of perSection) await node.repos.geography.setThreatLevel(section, levelFor(count));

  const patrols = new PatrolService(seeding);
  for (const plan of DEMO_PATROLS) {
    // Planned two days ahead, or on the day the demo was made for patrols still to come.
    clock.set(new Date(Math.min(Date.parse(plan.plannedStart) - 2 * 86_400_000, Date.parse(SEEDED_AT))).toISOString());
    const coordinator = actors.get('coord.ml')!;
    plannedIds.push(plan.id);
    await patrols.create(coordinator, { name: plan.name, kind: 'joint', unitIds: plan.unitIds, axisId: plan.axisId, plannedStart: plan.plannedStart, plannedEnd: plan.plannedEnd });
    for (const step of plan.steps) {
      if (step.action === 'start') clock.set(plan.plannedStart);
      if (step.action === 'complete') clock.set(plan.track?.at(-1)?.at ?? plan.plannedEnd);
      if (step.action === 'complete' && plan.track) await patrols.reportPositions(actors.get(step.by)!, plan.id, plan.track);
      await patrols.act(actors.get(step.by)!, plan.id, step.action);
    }
  }
}

/** Makes an empty store the demo node of Mali; used by `diboli demo` and by the tests. */
export async function installDemo(store: Store, config: NodeConfig, progress: (line: string) => void = () => {}): Promise<NodeContext> {
  progress('Setting up the demo node of Mali…');
  await setUpNode(repositoriesOf(store), { nation: 'ML', partners: ['SN', 'MR'], sectionKm: config.sectionKm, mechanism: DEMO_MECHANISM, axes: [...STRATEGIC_AXES] }, progress);
  progress('Adding users, units, posts, patrols and incidents…');
  const node = await createNodeContext(config, store);
  await seed(node);
  return node;
}

export const demoCommand: Command = {
  summary: 'set up a Mali node with the Mali–Senegal demo (and serve it with --serve)',
  help: `Usage: diboli demo --data DIR [--serve] [--host 127.0.0.1] [--port 8080]

Makes DIR the node of Mali in the Mali–Senegal mechanism of the Kayes region (Mauritania as third
partner), with units, posts, the N1/RN1 corridor, the joint patrol launched at Diboli on
2025-02-20, and incidents — some released by Senegal and Mauritania to Mali, some national only.
Runs only once per folder: an existing demo node is left as it is. With --serve, then runs the node.

Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.username).join(', ')}.

Options:
  --serve        run the node afterwards (like \`diboli serve\`)
  --host, --port, --tls-cert, --tls-key, --trust-proxy as for \`diboli serve\`
${NODE_FLAGS_HELP}`,
  async run(args, io) {
    const { values } = parseFlags(args, { ...NODE_FLAGS, ...SERVE_FLAGS, serve: { type: 'boolean' } });
    const config = configFrom(values);
    return reportingErrors(io.stderr, 'demo', async () => {
      const store = await openStore(config.dataDir, { synchronous: config.synchronous });
      try {
        if (await repositoriesOf(store).node.identity()) {
          io.stderr(`Demo node already present in ${config.dataDir}; keeping its data.\n`);
        } else {
          await installDemo(store, config, (line) => io.stderr(`${line}\n`));
        }
      } finally {
        await store.close();
      }
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
          '',
        ].join('\n'),
      );
    });
  },
};
