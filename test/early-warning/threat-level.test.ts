import { describe, expect, it } from 'vitest';
import { DEFAULT_EARLY_WARNING_CONFIG } from '../../src/domain/early-warning-config.js';
import { effectiveLevel, levelChange, levelForScore, nextHistoryEntry, overrideInForce, type LevelOverride } from '../../src/domain/threat-level.js';

const thresholds = DEFAULT_EARLY_WARNING_CONFIG.thresholds; // 5, 15, 40

describe('levelForScore', () => {
  it.each([
    [0, 'low'],
    [4.999, 'low'],
    [5, 'medium'],
    [14.9, 'medium'],
    [15, 'high'],
    [39.99, 'high'],
    [40, 'critical'],
    [1e6, 'critical'],
  ])('score %f → %s', (score, level) => {
    expect(levelForScore(score, thresholds)).toBe(level);
  });

  it('follows configured thresholds', () => {
    expect(levelForScore(3, { medium: 1, high: 2, critical: 3 })).toBe('critical');
  });
});

describe('override', () => {
  const override: LevelOverride = {
    section: 'ML-SN-07',
    level: 'critical',
    reason: 'Convoi armé signalé par la population',
    setBy: 'coord.ml',
    setAt: '2025-02-20T10:00:00Z',
    expiresAt: '2025-02-22T10:00:00Z',
  };

  it.each([
    ['2025-02-20T09:59:59Z', 'medium', 'computed'],
    ['2025-02-20T10:00:00Z', 'critical', 'override'],
    ['2025-02-21T12:00:00Z', 'critical', 'override'],
    ['2025-02-22T09:59:59Z', 'critical', 'override'],
    ['2025-02-22T10:00:00Z', 'medium', 'computed'],
    ['2025-03-01T00:00:00Z', 'medium', 'computed'],
  ])('at %s the section shows %s (%s)', (at, level, source) => {
    const shown = effectiveLevel('ML-SN-07', 8, thresholds, override, new Date(at));
    expect(shown.level).toBe(level);
    expect(shown.source).toBe(source);
    expect(shown.computedLevel).toBe('medium');
  });

  it('can force a level down as well as up', () => {
    const shown = effectiveLevel('ML-SN-07', 50, thresholds, { ...override, level: 'low' }, new Date('2025-02-21T00:00:00Z'));
    expect(shown).toMatchObject({ level: 'low', computedLevel: 'critical', source: 'override' });
  });

  it('ignores an override of another section', () => {
    expect(effectiveLevel('ML-SN-08', 8, thresholds, override, new Date('2025-02-21T00:00:00Z')).source).toBe('computed');
  });

  it('takes the latest override still running', () => {
    const later = { ...override, level: 'high' as const, setAt: '2025-02-21T00:00:00Z', expiresAt: '2025-02-21T06:00:00Z' };
    expect(overrideInForce([override, later], new Date('2025-02-21T01:00:00Z'))).toBe(later);
    expect(overrideInForce([override, later], new Date('2025-02-21T07:00:00Z'))).toBe(override);
    expect(overrideInForce([override, later], new Date('2025-02-23T00:00:00Z'))).toBeUndefined();
  });
});

describe('level history', () => {
  const at = new Date('2025-02-20T10:00:00Z');
  const computed = (score: number) => effectiveLevel('ML-SN-07', score, thresholds, undefined, at);

  it('starts a history with the first level', () => {
    expect(nextHistoryEntry(null, computed(2), at)).toEqual({
      section: 'ML-SN-07',
      at: at.toISOString(),
      from: null,
      to: 'low',
      source: 'computed',
      score: 2,
    });
  });

  it('adds nothing while the score stays within its band', () => {
    expect(nextHistoryEntry({ to: 'medium', source: 'computed' }, computed(12), at)).toBeNull();
  });

  it('records a change of level', () => {
    expect(nextHistoryEntry({ to: 'medium', source: 'computed' }, computed(16), at)).toMatchObject({ from: 'medium', to: 'high' });
  });

  it('records an override with its reason, even at the same level', () => {
    const forced = effectiveLevel(
      'ML-SN-07',
      20,
      thresholds,
      { section: 'ML-SN-07', level: 'high', reason: 'Maintien', setBy: 'c', setAt: '2025-02-20T00:00:00Z', expiresAt: '2025-02-21T00:00:00Z' },
      at,
    );
    expect(nextHistoryEntry({ to: 'high', source: 'computed' }, forced, at)).toMatchObject({
      from: 'high',
      to: 'high',
      source: 'override',
      reason: 'Maintien',
    });
  });
});

describe('levelChange', () => {
  it.each([
    [null, 'low', 'same'],
    [null, 'medium', 'rising'],
    ['low', 'critical', 'rising'],
    ['high', 'medium', 'falling'],
    ['high', 'high', 'same'],
  ] as const)('%s → %s is %s', (from, to, change) => {
    expect(levelChange(from, to)).toBe(change);
  });
});
