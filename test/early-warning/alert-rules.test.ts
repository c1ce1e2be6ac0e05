import { describe, expect, it } from 'vitest';
import { DEFAULT_EARLY_WARNING_CONFIG as config } from '../../src/domain/early-warning-config.js';
import {
  evaluateRule,
  evaluateRules,
  unseen,
  validateAlertRule,
  type AlertRule,
  type WatchedEvent,
  type WatchedIncident,
  type WatchedPatrol,
} from '../../src/domain/alert-rules.js';
import { AXES, SECTIONS } from './synthetic-border.js';

const now = new Date('2025-02-20T12:00:00Z');

const nearAxis: AlertRule = {
  id: 'r-axis',
  kind: 'incident-near',
  eventTypes: ['Battles', 'Explosions/Remote violence'],
  target: { kind: 'axis', id: 'A', name: 'Route frontalière', geometry: AXES[0]!.geometry },
  withinKm: 10,
};
const nearPost: AlertRule = {
  id: 'r-post',
  kind: 'incident-near',
  eventTypes: ['Border activity'],
  subEventTypes: ['Cattle rustling'],
  target: { kind: 'post', id: 'post-diboli', name: 'Poste de Diboli', geometry: { type: 'Point', coordinates: [-11.6, 14.0] } },
  withinKm: 5,
};
const nearSection: AlertRule = {
  id: 'r-section',
  kind: 'incident-near',
  eventTypes: ['Violence against civilians'],
  target: { kind: 'section', id: 'S1', name: 'S1', geometry: SECTIONS[0]!.geometry },
  withinKm: 30,
};
const rising: AlertRule = { id: 'r-level', kind: 'level-rising', minLevel: 'high' };
const overdue: AlertRule = { id: 'r-overdue', kind: 'patrol-overdue', graceMinutes: 15 };
const news: AlertRule = { id: 'r-news', kind: 'news-severity' };
const ALL = [nearAxis, nearPost, nearSection, rising, overdue, news];

const clash: WatchedIncident = {
  id: 'inc-1',
  eventType: 'Battles',
  subEventType: 'Armed clash',
  location: [-11.6, 14.1],
  section: 'S2',
  occurredAt: '2025-02-20T08:00:00Z',
  fatalities: 3,
  status: 'unverified',
};
const incident = (change: Partial<WatchedIncident> = {}): WatchedEvent => ({ kind: 'incident', incident: { ...clash, ...change } });

const patrol: WatchedPatrol = {
  id: 'pat-7',
  status: 'underway',
  startedAt: '2025-02-20T08:00:00Z',
  lastCheckInAt: '2025-02-20T10:00:00Z',
  checkInIntervalMinutes: 60,
};
const check = (change: Partial<WatchedPatrol> = {}): WatchedEvent => ({ kind: 'patrol-check', patrol: { ...patrol, ...change } });

describe('incident near an axis, post or section', () => {
  it.each([
    ['a clash 5.5 km from the axis', nearAxis, incident(), 1],
    ['a clash 50 km from the axis', nearAxis, incident({ location: [-11.6, 14.5] }), 0],
    ['smuggling next to the axis', nearAxis, incident({ eventType: 'Border activity', subEventType: 'Smuggling' }), 0],
    ['a refuted clash next to the axis', nearAxis, incident({ status: 'refuted' }), 0],
    ['cattle rustling 3 km from the post', nearPost, incident({ eventType: 'Border activity', subEventType: 'Cattle rustling', location: [-11.6, 14.027] }), 1],
    ['smuggling 3 km from the post', nearPost, incident({ eventType: 'Border activity', subEventType: 'Smuggling', location: [-11.6, 14.027] }), 0],
    ['cattle rustling 8 km from the post', nearPost, incident({ eventType: 'Border activity', subEventType: 'Cattle rustling', location: [-11.6, 14.072] }), 0],
    ['an attack 20 km from the section', nearSection, incident({ eventType: 'Violence against civilians', location: [-11.9, 13.82] }), 1],
    ['an attack 40 km from the section', nearSection, incident({ eventType: 'Violence against civilians', location: [-11.9, 13.64] }), 0],
  ])('%s → %i alert', (_what, rule, event, count) => {
    expect(evaluateRule(rule, event, config, now)).toHaveLength(count);
  });

  it('describes the alert: distance, severity, section, headline', () => {
    const [draft] = evaluateRule(nearAxis, incident(), config, now);
    expect(draft).toMatchObject({
      rule: 'r-axis',
      ruleKind: 'incident-near',
      severity: 'high', // a clash with three deaths weighs 20
      cause: { kind: 'incident', id: 'inc-1' },
      at: '2025-02-20T08:00:00Z',
      section: 'S2',
      location: [-11.6, 14.1],
    });
    expect(draft?.distanceKm).toBeCloseTo(5.56, 1);
    expect(draft?.headline.fr).toBe('Combats à 5,6 km de Route frontalière');
  });

  it('fires once for an incident edited again and again, and again for another incident', () => {
    const known = new Set<string>();
    const first = unseen(evaluateRule(nearAxis, incident(), config, now), known);
    const edited = unseen(evaluateRule(nearAxis, incident({ fatalities: 9, location: [-11.61, 14.09] }), config, now), known);
    const other = unseen(evaluateRule(nearAxis, incident({ id: 'inc-2' }), config, now), known);
    expect(first).toHaveLength(1);
    expect(edited).toHaveLength(0);
    expect(other).toHaveLength(1);
    expect(other[0]?.dedupKey).not.toBe(first[0]?.dedupKey);
  });
});

describe('section level rising', () => {
  const change = (from: string | null, to: string, section = 'S2', at = '2025-02-20T09:00:00Z'): WatchedEvent =>
    ({ kind: 'level-change', change: { section, from, to, at } }) as WatchedEvent;

  it.each([
    ['medium → high', change('medium', 'high'), 1],
    ['low → critical', change('low', 'critical'), 1],
    ['first level seen, high', change(null, 'high'), 1],
    ['low → medium, below the rule’s minimum', change('low', 'medium'), 0],
    ['critical → high', change('critical', 'high'), 0],
    ['high → high', change('high', 'high'), 0],
  ])('%s → %i alert', (_what, event, count) => {
    expect(evaluateRule(rising, event, config, now)).toHaveLength(count);
  });

  it('watches only the listed sections when given', () => {
    const onlyS1: AlertRule = { ...rising, sections: ['S1'] };
    expect(evaluateRule(onlyS1, change('low', 'high', 'S2'), config, now)).toHaveLength(0);
    expect(evaluateRule(onlyS1, change('low', 'high', 'S1'), config, now)).toHaveLength(1);
  });

  it('fires once per rise, and again for a later rise of the same section', () => {
    const known = new Set<string>();
    expect(unseen(evaluateRule(rising, change('medium', 'high'), config, now), known)).toHaveLength(1);
    expect(unseen(evaluateRule(rising, change('medium', 'high'), config, now), known)).toHaveLength(0);
    expect(unseen(evaluateRule(rising, change('medium', 'high', 'S2', '2025-02-25T09:00:00Z'), config, now), known)).toHaveLength(1);
  });

  it('names both levels in French', () => {
    const [draft] = evaluateRule(rising, change('medium', 'critical'), config, now);
    expect(draft?.headline.fr).toBe('Tronçon S2 : niveau modéré → critique');
    expect(draft?.severity).toBe('critical');
  });
});

describe('patrol overdue on check-in', () => {
  // Last check-in 10:00, every 60 min, 15 min of grace: overdue after 11:15.
  it.each([
    ['11:14', check(), 0],
    ['11:16', check(), 1],
    ['11:16', check({ status: 'completed' }), 0],
    ['11:16', check({ status: 'approved' }), 0],
    ['11:16', check({ lastCheckInAt: '2025-02-20T11:00:00Z' }), 0],
    ['09:16', check({ lastCheckInAt: null }), 1],
    ['09:14', check({ lastCheckInAt: null }), 0],
  ])('at %s → %i alert', (time, event, count) => {
    expect(evaluateRule(overdue, event, config, new Date(`2025-02-20T${time}:00Z`))).toHaveLength(count);
  });

  it('fires once per missed check-in, however often it is checked', () => {
    const known = new Set<string>();
    const at = (time: string, change: Partial<WatchedPatrol> = {}) =>
      unseen(evaluateRule(overdue, check(change), config, new Date(`2025-02-20T${time}:00Z`)), known).length;
    expect([at('11:16'), at('11:30'), at('11:45')]).toEqual([1, 0, 0]);
    // The patrol checks in at 11:50, then falls silent again.
    const later = { lastCheckInAt: '2025-02-20T11:50:00Z' };
    expect([at('12:30', later), at('13:06', later), at('13:30', later)]).toEqual([0, 1, 0]);
  });

  it('is dated when the check-in fell due', () => {
    const [draft] = evaluateRule(overdue, check(), config, new Date('2025-02-20T11:40:00Z'));
    expect(draft).toMatchObject({ at: '2025-02-20T11:15:00.000Z', severity: 'high', cause: { kind: 'patrol', id: 'pat-7' } });
  });
});

describe('news candidate of high severity', () => {
  const candidate = (change: Record<string, unknown> = {}): WatchedEvent =>
    ({
      kind: 'news-candidate',
      candidate: { id: 'cand-1', article: 'art-1', eventType: 'Battles', subEventType: 'Armed clash', fatalities: 3, place: 'Lakamané', ...change },
    }) as WatchedEvent;

  it.each([
    ['a clash with three deaths (20, high)', candidate(), 1],
    ['a clash without deaths (10, medium)', candidate({ fatalities: 0 }), 0],
    [
      'an IED with seven deaths (30, high)',
      candidate({ eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED', fatalities: 7 }),
      1,
    ],
    ['smuggling', candidate({ eventType: 'Border activity', subEventType: 'Smuggling' }), 0],
  ])('%s → %i alert', (_what, event, count) => {
    expect(evaluateRule(news, event, config, now)).toHaveLength(count);
  });

  it('fires once per candidate and is dated when seen', () => {
    const known = new Set<string>();
    const first = unseen(evaluateRule(news, candidate(), config, now), known);
    expect(first).toMatchObject([{ at: now.toISOString(), cause: { kind: 'candidate', id: 'cand-1' } }]);
    expect(first[0]?.headline.fr).toBe('Presse : Combats (Lakamané), niveau de gravité élevé');
    expect(unseen(evaluateRule(news, candidate(), config, now), known)).toHaveLength(0);
    expect(unseen(evaluateRule(news, candidate({ id: 'cand-2' }), config, now), known)).toHaveLength(1);
  });
});

describe('rules of one kind ignore the other causes', () => {
  it.each([
    ['incident', incident(), ['r-axis']],
    ['level change', { kind: 'level-change', change: { section: 'S2', from: 'low', to: 'high', at: '2025-02-20T09:00:00Z' } } as WatchedEvent, ['r-level']],
    ['patrol check', check(), ['r-overdue']],
    ['news candidate', { kind: 'news-candidate', candidate: { id: 'c', article: 'a', eventType: 'Battles', fatalities: 5 } } as WatchedEvent, ['r-news']],
  ])('a %s fires only its own rule', (_what, event, rules) => {
    expect(evaluateRules(ALL, event, config, now).map((draft) => draft.rule)).toEqual(rules);
  });

  it('a disabled rule never fires', () => {
    expect(evaluateRule({ ...nearAxis, enabled: false }, incident(), config, now)).toEqual([]);
  });

  it('gives every (rule, cause) pair its own key', () => {
    const keys = new Set(
      [incident(), incident({ id: 'inc-2' })].flatMap((event) =>
        evaluateRules([nearAxis, { ...nearAxis, id: 'r-axis-2' }], event, config, now).map((draft) => draft.dedupKey),
      ),
    );
    expect(keys.size).toBe(4);
  });
});

describe('validateAlertRule', () => {
  it.each([nearAxis, nearPost, nearSection, rising, overdue, news])('accepts rule %#', (rule) => {
    expect(validateAlertRule(rule)).toEqual({ ok: true, value: rule });
  });

  it.each([
    [{ ...nearAxis, withinKm: 0 }, ['withinKm']],
    [{ ...nearAxis, eventTypes: [] }, ['eventTypes']],
    [{ ...nearAxis, eventTypes: ['Battles', 'Raids'] }, ['eventTypes.1']],
    [{ ...nearPost, subEventTypes: ['Ambush'] }, ['subEventTypes.0']],
    [{ ...nearPost, target: { ...(nearPost as { target: object }).target, geometry: { type: 'LineString', coordinates: [] } } }, ['target.geometry']],
    [
      {
        ...nearAxis,
        target: {
          kind: 'axis',
          id: 'A',
          name: 'A',
          geometry: {
            type: 'LineString',
            coordinates: [
              [-11, 14],
              [200, 14],
            ],
          },
        },
      },
      ['target.geometry'],
    ],
    [{ ...rising, minLevel: 'severe' }, ['minLevel']],
    [{ ...overdue, graceMinutes: -5 }, ['graceMinutes']],
    [{ ...news, minSeverity: 'extreme' }, ['minSeverity']],
    [{ id: 'x', kind: 'weather' }, ['kind']],
    [{ ...rising, id: '' }, ['id']],
  ])('rejects %j, naming %j', (input, fields) => {
    const result = validateAlertRule(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual(fields);
  });
});
