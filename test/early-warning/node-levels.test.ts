import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.js';
import { auth, battle, demoNode, NEAR_DIBOLI, putEarlyWarningSettings, sectionLevel, type TestNode, UNREACHABLE_THRESHOLDS } from './node-helpers.js';

const clock = fixedClock('2027-03-01T12:00:00.000Z');
let t: TestNode;
let coord: string;
let analyst: string;
let section: string;

const levelOf = (id: string) => sectionLevel(t, coord, id);

beforeAll(async () => {
  // Three months after the demo's last incident: every section has decayed to low.
  t = await demoNode({ clock });
  coord = await t.login('coord.ml');
  analyst = await t.login('analyst.ml');
  section = t.node.sectionAt(NEAR_DIBOLI)!;
});
afterAll(() => t.close());

describe('threat levels on the node', () => {
  it('recomputes the section level when incidents are created over HTTP', async () => {
    expect(section).toBeTruthy();
    expect(await levelOf(section)).toBe('low');
    const rule = await t.app.inject({
      method: 'POST',
      url: '/api/v1/alert-rules',
      headers: auth(coord),
      payload: { id: 'rising', kind: 'level-rising', minLevel: 'high' },
    });
    expect(rule.statusCode).toBe(201);

    const first = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coord), payload: battle('2027-03-01T10:00:00Z') });
    expect(first.statusCode).toBe(201);
    // One clash with seven deaths: 10 × 2.5 = 25 points, high.
    expect(await levelOf(section)).toBe('high');

    await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: auth(coord), payload: battle('2027-03-01T11:00:00Z') });
    expect(await levelOf(section)).toBe('critical');

    const history = await t.app.inject({ method: 'GET', url: `/api/v1/sections/${section}/history`, headers: auth(coord) });
    const body = history.json() as { current: { level: string; score: number }; history: { from: string | null; to: string }[] };
    expect(body.current.level).toBe('critical');
    expect(body.current.score).toBeGreaterThan(40);
    expect(body.history.slice(-2).map((h) => [h.from, h.to])).toEqual([
      ['low', 'high'],
      ['high', 'critical'],
    ]);
    // Each rise to high or above raised one alert, and only one.
    const alerts = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts', headers: auth(coord) })).json() as {
      ruleKind: string;
      section: string;
      severity: string;
    }[];
    const rising = alerts.filter((a) => a.ruleKind === 'level-rising' && a.section === section);
    expect(rising.map((a) => a.severity).sort()).toEqual(['critical', 'high']);
  });

  it('refuses an override without a reason, by a non-coordinator, or already expired', async () => {
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sections/${section}/override`,
      headers: auth(coord),
      payload: { level: 'low', expiresAt: '2027-03-01T14:00:00Z' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'ERR_EARLY_WARNING_INPUT', field: 'reason' });
    const blank = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sections/${section}/override`,
      headers: auth(coord),
      payload: { level: 'low', reason: '   ', expiresAt: '2027-03-01T14:00:00Z' },
    });
    expect(blank.statusCode).toBe(400);
    const byAnalyst = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sections/${section}/override`,
      headers: auth(analyst),
      payload: { level: 'low', reason: 'x', expiresAt: '2027-03-01T14:00:00Z' },
    });
    expect(byAnalyst.statusCode).toBe(403);
    const expired = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sections/${section}/override`,
      headers: auth(coord),
      payload: { level: 'low', reason: 'x', expiresAt: '2027-03-01T11:00:00Z' },
    });
    expect(expired.statusCode).toBe(400);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sections/XX-YY-99/override',
      headers: auth(coord),
      payload: { level: 'low', reason: 'x', expiresAt: '2027-03-01T14:00:00Z' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(await levelOf(section)).toBe('critical');
  });

  it('lets an override win until it expires, then returns to the computed level', async () => {
    const set = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sections/${section}/override`,
      headers: auth(coord),
      payload: { level: 'medium', reason: 'Renforts déployés à Diboli', expiresAt: '2027-03-01T14:00:00Z' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ level: 'medium', source: 'override', computedLevel: 'critical' });
    expect(await levelOf(section)).toBe('medium');

    clock.set('2027-03-01T14:00:01Z');
    expect(await levelOf(section)).toBe('critical');
    const history = (await t.app.inject({ method: 'GET', url: `/api/v1/sections/${section}/history`, headers: auth(coord) })).json() as {
      history: { to: string; source: string; reason?: string }[];
    };
    expect(history.history.slice(-2)).toMatchObject([
      { to: 'medium', source: 'override', reason: 'Renforts déployés à Diboli' },
      { to: 'critical', source: 'computed' },
    ]);
  });

  it('refuses settings with a half-life of 0 or thresholds out of order, and keeps the old ones', async () => {
    const zero = await t.app.inject({ method: 'PUT', url: '/api/v1/early-warning/settings', headers: auth(coord), payload: { halfLifeDays: 0 } });
    expect(zero.statusCode).toBe(400);
    expect(zero.json()).toMatchObject({ field: 'halfLifeDays' });
    const disorder = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/early-warning/settings',
      headers: auth(coord),
      payload: { thresholds: { medium: 20, high: 10, critical: 40 } },
    });
    expect(disorder.statusCode).toBe(400);
    expect(disorder.json()).toMatchObject({ field: 'thresholds' });
    const current = (await t.app.inject({ method: 'GET', url: '/api/v1/early-warning/settings', headers: auth(coord) })).json() as { halfLifeDays: number };
    expect(current.halfLifeDays).toBe(30);
  });

  it('recomputes every level when the settings change', async () => {
    // Thresholds raised far above the section's score: it falls to low at once.
    expect(await putEarlyWarningSettings(t, coord, UNREACHABLE_THRESHOLDS)).toBe(200);
    expect(await levelOf(section)).toBe('low');
    await putEarlyWarningSettings(t, coord, {});
    expect(await levelOf(section)).toBe('critical');
  });

  it('lists coverage gaps and turns a recommendation into a draft patrol; an inverted window is refused', async () => {
    const coverage = await t.app.inject({ method: 'GET', url: '/api/v1/coverage?days=14', headers: auth(coord) });
    expect(coverage.statusCode).toBe(200);
    const gaps = (coverage.json() as { gaps: { section: string; level: string }[] }).gaps;
    expect(gaps.map((g) => g.section)).toContain(section);

    const request = { from: '2027-03-03T06:00:00Z', to: '2027-03-03T18:00:00Z', maxLengthKm: 60, nations: ['ML', 'SN'] };
    const proposals = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations', headers: auth(coord), payload: request });
    expect(proposals.statusCode).toBe(200);
    const list = proposals.json() as { rank: number; terms: { section: string }[]; explanation: { fr: string } }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]!.terms.map((term) => term.section)).toContain(section);
    expect(list[0]!.explanation.fr).toContain(section);

    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/1/draft', headers: auth(coord), payload: request });
    expect(draft.statusCode).toBe(201);
    const patrol = (draft.json() as { patrol: { id: string; status: string; kind: string } }).patrol;
    expect(patrol).toMatchObject({ status: 'draft', kind: 'joint' });
    const stored = await t.app.inject({ method: 'GET', url: `/api/v1/patrols/${patrol.id}`, headers: auth(coord) });
    expect(stored.statusCode).toBe(200);

    const inverted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/recommendations',
      headers: auth(coord),
      payload: { ...request, from: request.to, to: request.from },
    });
    expect(inverted.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/recommendations/9/draft', headers: auth(coord), payload: request });
    expect(missing.statusCode).toBe(404);
  });
});
