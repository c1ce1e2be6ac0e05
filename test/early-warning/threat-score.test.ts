import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EARLY_WARNING_CONFIG as config } from '../../src/domain/early-warning-config.js';
import { applyIncidentChange, computeSectionScores, contributionOf, scoreAt, type ScoredIncident, type SectionScore } from '../../src/domain/threat-score.js';

const now = new Date('2025-02-20T10:00:00Z');
const daysBefore = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

const clash: ScoredIncident = {
  id: 'i-1',
  section: 'ML-SN-07',
  eventType: 'Battles',
  subEventType: 'Armed clash',
  occurredAt: now.toISOString(),
  fatalities: 0,
  status: 'confirmed',
};

const points = (change: Partial<ScoredIncident>): number => contributionOf(config, { ...clash, ...change }, now).points;

describe('decay', () => {
  it.each([
    [0, 1],
    [30, 0.5],
    [60, 0.25],
    [90, 0.125],
  ])('an incident %i days old weighs %f of a fresh one (half-life 30 d)', (age, share) => {
    expect(points({ occurredAt: daysBefore(age) }) / points({})).toBeCloseTo(share, 12);
  });

  it('follows a configured half-life', () => {
    const short = { ...config, halfLifeDays: 7 };
    const fresh = contributionOf(short, clash, now).points;
    expect(contributionOf(short, { ...clash, occurredAt: daysBefore(7) }, now).points).toBeCloseTo(fresh / 2, 12);
  });

  it.each([
    ['dated after now', -1],
    ['older than the look-back', 366],
  ])('leaves out an incident %s', (_why, age) => {
    expect(points({ occurredAt: daysBefore(age) })).toBe(0);
  });
});

describe('weights', () => {
  it('orders event types by gravity', () => {
    const ordered = [
      points({ eventType: 'Explosions/Remote violence', subEventType: 'Suicide bomb' }),
      points({ eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' }),
      points({ eventType: 'Battles', subEventType: 'Armed clash' }),
      points({ eventType: 'Violence against civilians', subEventType: 'Attack' }),
      points({ eventType: 'Riots', subEventType: 'Mob violence' }),
      points({ eventType: 'Border activity', subEventType: 'Cattle rustling' }),
      points({ eventType: 'Border activity', subEventType: 'Smuggling' }),
      points({ eventType: 'Border activity', subEventType: 'Illegal crossing' }),
      points({ eventType: 'Protests', subEventType: 'Peaceful protest' }),
      points({ eventType: 'Strategic developments', subEventType: 'Agreement' }),
    ];
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    expect(new Set(ordered).size).toBe(ordered.length);
    expect(ordered.at(-1)).toBe(0);
  });

  it.each([
    [0, 10],
    [1, 15],
    [3, 20],
    [7, 25],
    [null, 10],
  ])('%s fatalities make a fresh confirmed clash worth %f', (fatalities, expected) => {
    expect(points({ fatalities })).toBeCloseTo(expected, 12);
  });

  it.each([
    ['confirmed', undefined, 10],
    ['confirmed', 5, 10],
    ['unverified', 1, 10],
    ['unverified', 2, 8],
    ['unverified', 3, 6],
    ['unverified', 4, 4],
    ['unverified', 5, 1],
    ['unverified', 6, 5],
    ['unverified', undefined, 5],
    ['refuted', 1, 0],
  ] as const)('a %s incident of credibility %s is worth %f', (status, credibility, expected) => {
    expect(points({ status, credibility: credibility ?? null })).toBeCloseTo(expected, 12);
  });

  it('explains each factor', () => {
    const contribution = contributionOf(config, { ...clash, fatalities: 3, occurredAt: daysBefore(30) }, now);
    expect(contribution.factors).toMatchObject({ typeWeight: 10, severity: 2, credibility: 1 });
    expect(contribution.factors.decay).toBeCloseTo(0.5, 12);
    expect(contribution.factors.ageDays).toBeCloseTo(30, 12);
  });
});

describe('section scores', () => {
  const incidents: ScoredIncident[] = [
    clash,
    { ...clash, id: 'i-2', occurredAt: daysBefore(30), fatalities: 3 },
    { ...clash, id: 'i-3', section: 'ML-SN-08', eventType: 'Border activity', subEventType: 'Smuggling' },
    { ...clash, id: 'i-4', section: 'ML-SN-09', status: 'refuted' },
  ];

  it('sums contributions per section', () => {
    const scores = computeSectionScores(config, incidents, now);
    expect(scores.get('ML-SN-07')).toBeCloseTo(10 + 20 * 0.5, 9);
    expect(scores.get('ML-SN-08')).toBeCloseTo(2, 9);
    expect(scores.get('ML-SN-09')).toBe(0);
    expect(scores.has('ML-SN-10')).toBe(false);
  });

  it('incremental updates agree with a full recompute', () => {
    let running: SectionScore = { section: 'ML-SN-07', score: 0, asOf: daysBefore(90) };
    const timeline = [
      { at: daysBefore(60), after: { ...clash, id: 'a', occurredAt: daysBefore(61) } },
      { at: daysBefore(40), after: { ...clash, id: 'b', occurredAt: daysBefore(41), fatalities: 7 } },
      { at: daysBefore(20), after: { ...clash, id: 'c', occurredAt: daysBefore(20), status: 'unverified' as const, credibility: 3 as const } },
      // the analyst confirms "c" ten days later
      {
        at: daysBefore(10),
        before: { ...clash, id: 'c', occurredAt: daysBefore(20), status: 'unverified' as const, credibility: 3 as const },
        after: { ...clash, id: 'c', occurredAt: daysBefore(20) },
      },
      // "a" is deleted
      { at: daysBefore(5), before: { ...clash, id: 'a', occurredAt: daysBefore(61) } },
    ];
    for (const step of timeline) running = applyIncidentChange(config, running, step, new Date(step.at));
    const final = scoreAt(config, running, now);
    const full = computeSectionScores(
      config,
      [
        { ...clash, id: 'b', occurredAt: daysBefore(41), fatalities: 7 },
        { ...clash, id: 'c', occurredAt: daysBefore(20) },
      ],
      now,
    );
    expect(final.score).toBeCloseTo(full.get('ML-SN-07') ?? Number.NaN, 9);
    expect(final.asOf).toBe(now.toISOString());
  });

  it('never lets the running score go below zero', () => {
    const running = applyIncidentChange(config, { section: 'ML-SN-07', score: 1e-12, asOf: now.toISOString() }, { before: clash }, now);
    expect(running.score).toBe(0);
  });

  it('ignores a change of another section', () => {
    const running = applyIncidentChange(config, { section: 'ML-SN-08', score: 4, asOf: now.toISOString() }, { after: clash }, now);
    expect(running.score).toBe(4);
  });
});

describe('incremental and full recompute, any arrival order', () => {
  it('agree for random incidents added in time order', () => {
    const arbitraryIncident = fc.record({
      ageDays: fc.double({ min: 0, max: 200, noNaN: true }),
      fatalities: fc.integer({ min: 0, max: 50 }),
      status: fc.constantFrom('unverified' as const, 'confirmed' as const, 'refuted' as const),
      credibility: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const),
      eventType: fc.constantFrom('Battles' as const, 'Riots' as const, 'Border activity' as const),
    });
    fc.assert(
      fc.property(fc.array(arbitraryIncident, { minLength: 1, maxLength: 40 }), (drawn) => {
        const incidents: ScoredIncident[] = drawn
          .map((d, i) => ({ ...clash, ...d, subEventType: null, id: `x${i}`, occurredAt: daysBefore(d.ageDays) }))
          .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
        let running: SectionScore = { section: clash.section, score: 0, asOf: daysBefore(250) };
        for (const incident of incidents) {
          running = applyIncidentChange(config, running, { after: incident }, new Date(incident.occurredAt));
        }
        const incremental = scoreAt(config, running, now).score;
        const full = computeSectionScores(config, incidents, now).get(clash.section) ?? 0;
        expect(incremental).toBeCloseTo(full, 6);
      }),
    );
  });
});
