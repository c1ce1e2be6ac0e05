import { describe, expect, it } from 'vitest';
import { mayReportFromField } from '../../src/domain/field-reporting.js';
import { normalisePatrolCode, patrolCode } from '../../src/domain/patrol-code.js';

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
