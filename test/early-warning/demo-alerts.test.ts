import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/cli/demo-content.js';
import { earlyWarningOf } from '../../src/services/early-warning-service.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

// Issue 14: the demo seeded no alert rule, so "Alertes" was empty for everyone. The demo now
// seeds Mali's rules, and its incidents set them off from the first minute: for Mali, and through
// what Mali released, for Senegal's officers seconded to Mali's node — never from Mali's national
// records or rules.

interface Message {
  id: string;
  msgType: string;
  rule?: string;
  ruleKind?: string;
  cause?: { kind: string; id: string };
}

let demo: DemoNode;
beforeAll(async () => {
  // A few days after the demo's last incidents, as on the day it was written.
  demo = await startDemoNode({ clock: fixedClock('2026-11-30T08:00:00.000Z'), alertRules: true });
  await earlyWarningOf(demo.node).settled();
});
afterAll(async () => demo?.close());

const alertsOf = async (username: string) => {
  const answer = await demo.call('GET', '/api/v1/alerts', { as: username });
  expect(answer.status).toBe(200);
  return answer.body as Message[];
};
const causes = (messages: Message[]) => new Set(messages.filter((m) => m.cause?.kind === 'incident').map((m) => m.cause!.id));

describe('the demo’s alerts', () => {
  it('are there from the first minute for every demo user', async () => {
    for (const user of DEMO_USERS) expect((await alertsOf(user.username)).length, user.username).toBeGreaterThan(0);
  });

  it('come for Mali from its incidents and the partners’, national ones included', async () => {
    const mali = await alertsOf('coord.ml');
    const seen = causes(mali);
    for (const id of ['demo-ml-0009', 'demo-ml-0010', 'demo-ml-0004']) expect(seen.has(id), id).toBe(true);
    expect(mali.some((m) => m.ruleKind === 'level-rising')).toBe(true);
  });

  it('come for Senegal’s seconded officers from what Mali released to Senegal, and nothing else', async () => {
    for (const username of ['coord.sn', 'liaison.sn']) {
      const senegal = await alertsOf(username);
      const seen = causes(senegal);
      for (const id of ['demo-ml-0009', 'demo-ml-0010']) expect(seen.has(id), `${username}: ${id}`).toBe(true);
      // Mali's gold-mining rule is national; its national incidents never reach Senegal.
      expect(senegal.some((m) => m.rule === 'demo-orpaillage-faleme')).toBe(false);
      for (const id of ['demo-ml-0006', 'demo-ml-0007', 'demo-ml-0008']) expect(seen.has(id)).toBe(false);
      expect(senegal.some((m) => m.ruleKind === 'level-rising')).toBe(true);
    }
  });

  it('give the population Mali’s own public alerts without login', async () => {
    const atom = (await demo.app.inject({ method: 'GET', url: '/api/v1/public/cap.atom' })).body;
    const mali = await alertsOf('coord.ml');
    for (const id of ['demo-ml-0009', 'demo-ml-0010']) {
      const alert = mali.find((m) => m.cause?.id === id && m.rule !== 'demo-orpaillage-faleme')!;
      expect(atom).toContain(`urn:cap:${alert.id}`);
    }
    for (const other of [...(await alertsOf('liaison.sn')), ...mali.filter((m) => m.ruleKind === 'level-rising' || m.rule === 'demo-orpaillage-faleme')]) {
      expect(atom).not.toContain(other.id);
    }
  });
});
