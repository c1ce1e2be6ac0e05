import { describe, expect, it } from 'vitest';
import { length } from '@turf/length';
import type { CoverageGap } from '../../src/domain/coverage.js';
import { DEFAULT_EARLY_WARNING_CONFIG } from '../../src/domain/early-warning-config.js';
import { gapTerm, jointTeams, recommendPatrols, type AvailableUnit, type RecommendationRequest } from '../../src/domain/patrol-recommendation.js';
import { AXES, SECTIONS } from './synthetic-border.js';

// "Patrolling a section" here means running along at least 90 % of it within 10 km, so that a
// 45 km route can serve two neighbouring sections but not two sections apart.
const settings = { ...DEFAULT_EARLY_WARNING_CONFIG, minCoveredFraction: 0.9 };

const never = (section: string, level: CoverageGap['level']): CoverageGap => ({
  section,
  level,
  lastPatrolledAt: null,
  daysSincePatrol: null,
});

const units: AvailableUnit[] = [
  { id: 'ml-1', nation: 'ML' },
  { id: 'sn-1', nation: 'SN' },
  { id: 'sn-2', nation: 'SN' },
  { id: 'ml-2', nation: 'ML' },
  { id: 'sn-3', nation: 'SN' },
];

const request = (change: Partial<RecommendationRequest> = {}): RecommendationRequest => ({
  // S1 high (6 points), S3 high (6), S4 medium (2); S2 is low, hence no gap.
  gaps: [never('S1', 'high'), never('S3', 'high'), never('S4', 'medium')],
  sections: SECTIONS,
  axes: AXES,
  units,
  nations: ['ML', 'SN'],
  window: { from: '2025-02-21T06:00:00Z', to: '2025-02-21T18:00:00Z' },
  maxLengthKm: 45,
  ...change,
});

describe('gapTerm', () => {
  it.each([
    [never('S1', 'critical'), 9, 2],
    [never('S1', 'medium'), 1, 2],
    [{ section: 'S1', level: 'high', lastPatrolledAt: '2025-01-30T00:00:00Z', daysSincePatrol: 21 } as CoverageGap, 3, 1.5],
    [{ section: 'S1', level: 'high', lastPatrolledAt: '2024-01-30T00:00:00Z', daysSincePatrol: 300 } as CoverageGap, 3, 2],
  ])('weighs %j by level %f and staleness %f', (gap, levelWeight, staleness) => {
    expect(gapTerm(gap, settings)).toMatchObject({ levelWeight, staleness, points: levelWeight * staleness });
  });
});

describe('jointTeams', () => {
  it('pairs one unit of each nation, as many teams as the scarcest nation allows', () => {
    expect(jointTeams(units, ['ML', 'SN'])).toEqual([
      ['ml-1', 'sn-1'],
      ['ml-2', 'sn-2'],
    ]);
    expect(jointTeams(units, ['ML', 'SN', 'MR'])).toEqual([]);
  });
});

describe('recommendPatrols on the synthetic border', () => {
  it('prefers two neighbouring gaps (8 points) to the single one worth most (6)', () => {
    const result = recommendPatrols(request({ maxProposals: 1 }), settings);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toHaveLength(1);
    const [best] = result.value;
    expect(best?.axis).toBe('A');
    expect(best?.score).toBeCloseTo(8, 9);
    expect(best?.terms.map((term) => term.section)).toEqual(['S3', 'S4']);
    expect(best?.units).toEqual(['ml-1', 'sn-1']);
  });

  it('sends the second team to the remaining gap', () => {
    const result = recommendPatrols(request(), settings);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((proposal) => [proposal.rank, proposal.axis, proposal.terms.map((t) => t.section), proposal.score])).toEqual([
      [1, 'A', ['S3', 'S4'], 8],
      [2, 'A', ['S1'], 6],
    ]);
    expect(result.value[1]?.units).toEqual(['ml-2', 'sn-2']);
  });

  it('keeps each route on its axis, within the maximum length, trimmed to what it needs', () => {
    const result = recommendPatrols(request(), settings);
    if (!result.ok) throw new Error('expected proposals');
    for (const proposal of result.value) {
      const routeKm = length({ type: 'Feature', geometry: proposal.route, properties: {} });
      expect(routeKm).toBeLessThanOrEqual(45 + 1e-6);
      expect(routeKm).toBeCloseTo(proposal.lengthKm, 3);
      for (const [, lat] of proposal.route.coordinates) expect(lat).toBeCloseTo(14.05, 3);
    }
    // One section alone needs about 27 − 2 × 8.3 km of road: far less than 45.
    expect(result.value[1]?.lengthKm).toBeLessThan(30);
    // Two sections need about 54 − 2 × 8.3 km, less 10 % of each: the 45 km allowed are not all used.
    expect(result.value[0]?.lengthKm).toBeLessThan(40);
    expect(result.value[0]?.explanation.fr).toMatch(/^\d+ km sur l’axe Route frontalière/);
  });

  it('goes after a critical section first', () => {
    const result = recommendPatrols(request({ gaps: [never('S1', 'critical'), never('S3', 'high'), never('S4', 'medium')] }), settings);
    if (!result.ok) throw new Error('expected proposals');
    expect(result.value[0]?.terms.map((term) => term.section)).toEqual(['S1']);
    expect(result.value[0]?.score).toBe(18);
  });

  it('explains the score in French and English', () => {
    const result = recommendPatrols(request({ maxProposals: 1 }), settings);
    if (!result.ok) throw new Error('expected proposals');
    const { explanation } = result.value[0]!;
    expect(explanation.fr).toContain('S3 (élevé, jamais patrouillé) 3 × 2 = 6');
    expect(explanation.fr).toContain('S4 (modéré, jamais patrouillé) 1 × 2 = 2');
    expect(explanation.fr).toContain('Score 8');
    expect(explanation.en).toContain('S3 (high, never patrolled) 3 × 2 = 6');
  });

  it.each([
    ['no gaps', { gaps: [] }],
    ['no joint team', { nations: ['ML', 'SN', 'MR'] }],
    ['only gaps no axis reaches', { axes: [AXES[2]!] }],
  ])('proposes nothing with %s', (_why, change) => {
    expect(recommendPatrols(request(change as Partial<RecommendationRequest>), settings)).toEqual({ ok: true, value: [] });
  });

  it.each([
    [{ window: { from: '2025-02-21T18:00:00Z', to: '2025-02-21T06:00:00Z' } }, ['window']],
    [{ maxLengthKm: 0 }, ['maxLengthKm']],
    [{ stepKm: -5 }, ['stepKm']],
    [{ stepKm: 6.858209439510461e-294 }, ['stepKm']],
    [{ stepKm: 0.5 }, ['stepKm']],
    [{ maxLengthKm: 1e-300 }, ['maxLengthKm']],
  ])('rejects %j', (change, fields) => {
    const result = recommendPatrols(request(change), settings);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual(fields);
  });
});
