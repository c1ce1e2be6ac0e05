import { describe, expect, it } from 'vitest';
import { mayReportFromField } from '../../src/domain/field-reporting.js';
import { normalisePatrolCode, patrolCode, patrolCodeNumber } from '../../src/domain/patrol-code.js';

describe('patrol codes as people type them', () => {
  it.each([
    ['ML-12', 'ML-12'],
    ['ml-12', 'ML-12'],
    ['ml12', 'ML-12'],
    ['ML 12', 'ML-12'],
    ['  Ml - 12 ', 'ML-12'],
    ['ml  012', 'ML-12'],
    ['SN-3', 'SN-3'],
    ['sn3', 'SN-3'],
    ['ML-1', 'ML-1'],
    ['ml-123456789', 'ML-123456789'],
  ])('reads %j as %s', (typed, code) => {
    expect(normalisePatrolCode(typed)).toBe(code);
  });

  it.each(['', 'ML', 'ML-', 'ML-0', 'M-12', 'MLI-12', '12', 'ML-12a', 'ML_12', 'ML-1234567890', 'ML-1.5', 'É1-2', 'ML−12'])('refuses %j', (typed) => {
    expect(normalisePatrolCode(typed)).toBeNull();
  });

  it('writes the code of a nation and number', () => {
    expect(patrolCode('ML', 7)).toBe('ML-7');
  });

  it('draws a five-digit number from the id alone, the same on every node, another at each further draw', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `patrol-${i}`);
    for (const id of ids) {
      const n = patrolCodeNumber(id);
      expect(n).toBeGreaterThanOrEqual(10_000);
      expect(n).toBeLessThan(100_000);
      expect(normalisePatrolCode(patrolCode('ML', n))).toBe(patrolCode('ML', n));
    }
    expect(patrolCodeNumber('demo-patrol-launch')).toBe(patrolCodeNumber('demo-patrol-launch'));
    expect(patrolCodeNumber('demo-patrol-launch', 1)).not.toBe(patrolCodeNumber('demo-patrol-launch'));
    // Spread over the range: 2,000 ids meet on few numbers.
    expect(new Set(ids.map((id) => patrolCodeNumber(id))).size).toBeGreaterThan(1950);
  });
});

describe('who reports for a patrol from the field', () => {
  const patrol = { leaderUserId: 'u-lead', reporterUserIds: ['u-second'] };
  it('is its leader and its named reporters, nobody else', () => {
    expect(mayReportFromField(patrol, 'u-lead')).toBe(true);
    expect(mayReportFromField(patrol, 'u-second')).toBe(true);
    expect(mayReportFromField(patrol, 'u-other')).toBe(false);
    expect(mayReportFromField({ leaderUserId: null, reporterUserIds: [] }, 'u-lead')).toBe(false);
  });
});
