import { describe, expect, it } from 'vitest';
import { coverageGaps, coveredFraction, lastPatrolled, samplePoints, type PatrolPassage } from '../../src/domain/coverage.js';
import { line, SECTIONS } from './synthetic-border.js';

const rule = { radiusKm: 10, minFraction: 0.25 };
const now = new Date('2025-02-20T12:00:00Z');
const daysBefore = (days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString();

const passages: PatrolPassage[] = [
  // Along S1 only; its end reaches about 8 km into S2, under a quarter of it.
  { patrol: 'P1', path: line([-12.0, 14.03], [-11.8, 14.03]), at: daysBefore(3) },
  // Along S1–S3, stopping short of most of S4.
  { patrol: 'P2', path: line([-12.0, 14.03], [-11.3, 14.03]), at: daysBefore(20) },
  // Far north: covers nothing.
  { patrol: 'P3', path: line([-12.0, 15.0], [-11.0, 15.0]), at: daysBefore(1) },
  // Crosses S4 at right angles: with a 10 km radius it sees 20 of its 27 km.
  { patrol: 'P4', path: line([-11.125, 14.3], [-11.125, 13.7]), at: daysBefore(2) },
];

describe('coveredFraction', () => {
  const samples = samplePoints(SECTIONS[0]!.geometry);

  it.each([
    ['a path along the whole section', line([-12.0, 14.03], [-11.75, 14.03]), 1],
    ['a path 50 km away', line([-12.0, 14.45], [-11.75, 14.45]), 0],
    ['a path along its western half', line([-12.0, 14.0], [-11.875 - 0.0927, 14.0]), 0.5],
    ['a single point', line([-11.9, 14.0]), 0],
  ])('%s covers %f of it', (_what, path, fraction) => {
    expect(coveredFraction(samples, path, 10)).toBeCloseTo(fraction, 1);
  });
});

describe('lastPatrolled', () => {
  it('finds for each section its most recent covering passage', () => {
    expect(lastPatrolled(SECTIONS, passages, rule)).toEqual([
      { section: 'S1', at: daysBefore(3), patrol: 'P1' },
      { section: 'S2', at: daysBefore(20), patrol: 'P2' },
      { section: 'S3', at: daysBefore(20), patrol: 'P2' },
      { section: 'S4', at: daysBefore(2), patrol: 'P4' },
    ]);
  });

  it('does not count a crossing when the rule asks for nearly all the section', () => {
    const strict = lastPatrolled(SECTIONS, passages, { radiusKm: 10, minFraction: 0.9 });
    expect(strict.find((entry) => entry.section === 'S4')).toEqual({ section: 'S4', at: null, patrol: null });
    expect(strict.find((entry) => entry.section === 'S1')).toMatchObject({ patrol: 'P1' });
  });
});

describe('coverageGaps', () => {
  it('lists threatened sections not patrolled within N days, worst first', () => {
    const standings = [
      { section: 'S1', level: 'critical' as const, lastPatrolledAt: daysBefore(3) },
      { section: 'S2', level: 'high' as const, lastPatrolledAt: daysBefore(20) },
      { section: 'S3', level: 'low' as const, lastPatrolledAt: daysBefore(20) },
      { section: 'S4', level: 'medium' as const, lastPatrolledAt: null },
    ];
    const gaps = coverageGaps(standings, now, 14);
    expect(gaps.map((gap) => gap.section)).toEqual(['S2', 'S4']);
    expect(gaps[0]?.daysSincePatrol).toBeCloseTo(20, 9);
    expect(gaps[1]?.daysSincePatrol).toBeNull();
  });

  it.each([
    [14, false],
    [14.01, true],
  ])('a high section patrolled %f days ago is a gap: %s', (days, isGap) => {
    const gaps = coverageGaps([{ section: 'S1', level: 'high', lastPatrolledAt: daysBefore(days) }], now, 14);
    expect(gaps.length === 1).toBe(isGap);
  });

  it('puts the never-patrolled first within a level', () => {
    const gaps = coverageGaps(
      [
        { section: 'S1', level: 'medium', lastPatrolledAt: daysBefore(40) },
        { section: 'S2', level: 'medium', lastPatrolledAt: null },
        { section: 'S3', level: 'medium', lastPatrolledAt: daysBefore(90) },
      ],
      now,
      14,
    );
    expect(gaps.map((gap) => gap.section)).toEqual(['S2', 'S3', 'S1']);
  });
});
