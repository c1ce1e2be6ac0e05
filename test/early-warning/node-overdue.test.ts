import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlyWarningOf } from '../../src/services/early-warning-service.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { auth, demoNode, NEAR_DIBOLI, type TestNode } from './node-helpers.js';

const clock = fixedClock('2026-12-05T06:00:00.000Z');
let t: TestNode;
let coord: string;
let lead: string;
const PATROL = 'demo-patrol-december';

beforeAll(async () => {
  t = await demoNode({ clock, app: { earlyWarning: { checkInIntervalMinutes: 60 } } });
  coord = await t.login('coord.ml');
  lead = await t.login('lead.ml');
});
afterAll(() => t.close());

async function overdueAlerts(): Promise<{ cause: { id: string }; ruleKind: string }[]> {
  const list = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: auth(coord) })).json() as { cause: { id: string }; ruleKind: string }[];
  return list.filter((a) => a.ruleKind === 'patrol-overdue' && a.cause.id === PATROL);
}

describe('patrol overdue on its check-in', () => {
  it('alerts once per silence, and again after a fresh check-in falls silent', async () => {
    const rule = await t.app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules',
      headers: auth(coord),
      payload: { id: 'overdue', kind: 'patrol-overdue', graceMinutes: 15 },
    });
    expect(rule.statusCode).toBe(201);
    const patrol = (await t.app.inject({ method: 'GET', url: `/api/v1/patrols/${PATROL}`, headers: auth(coord) })).json() as { pendingApprovals: string[] };
    if (patrol.pendingApprovals.includes('SN')) {
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/patrols/${PATROL}/approve`, headers: auth(await t.login('coord.sn')) })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/patrols/${PATROL}/start`, headers: auth(lead) })).statusCode).toBe(200);
    clock.set('2026-12-05T06:30:00.000Z');
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/patrols/${PATROL}/positions`,
      headers: auth(lead),
      payload: { positions: [{ at: '2026-12-05T06:30:00Z', ...NEAR_DIBOLI }] },
    });

    const service = earlyWarningOf(t.node);
    clock.set('2026-12-05T07:40:00.000Z');
    await service.checkOverduePatrols();
    expect(await overdueAlerts()).toHaveLength(0);

    clock.set('2026-12-05T08:00:00.000Z');
    await service.checkOverduePatrols();
    clock.set('2026-12-05T08:30:00.000Z');
    await service.checkOverduePatrols();
    expect(await overdueAlerts()).toHaveLength(1);

    await t.app.inject({
      method: 'POST',
      url: `/api/v1/patrols/${PATROL}/positions`,
      headers: auth(lead),
      payload: { positions: [{ at: '2026-12-05T08:30:00Z', ...NEAR_DIBOLI }] },
    });
    clock.set('2026-12-05T10:00:00.000Z');
    await service.checkOverduePatrols();
    expect(await overdueAlerts()).toHaveLength(2);
  });
});
