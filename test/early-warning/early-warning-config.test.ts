import { describe, expect, it } from 'vitest';
import { DEFAULT_EARLY_WARNING_CONFIG, validateEarlyWarningConfig, validateOverride, validateWindow } from '../../src/domain/early-warning-config.js';

const fieldsOf = (result: { ok: boolean; errors?: { field: string; code: string }[] }): string[] =>
  result.ok ? [] : (result.errors ?? []).map((error) => `${error.field}:${error.code}`);

describe('validateEarlyWarningConfig', () => {
  it('gives the defaults for no settings', () => {
    const result = validateEarlyWarningConfig(undefined);
    expect(result).toEqual({ ok: true, value: DEFAULT_EARLY_WARNING_CONFIG });
  });

  it('merges one nested weight over the defaults', () => {
    const result = validateEarlyWarningConfig({ typeWeights: { Protests: 3 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.typeWeights.Protests).toBe(3);
    expect(result.value.typeWeights.Battles).toBe(DEFAULT_EARLY_WARNING_CONFIG.typeWeights.Battles);
  });

  it.each([
    [{ halfLifeDays: 0 }, ['halfLifeDays:must_be_positive']],
    [{ halfLifeDays: -3 }, ['halfLifeDays:must_be_positive']],
    [{ halfLifeDays: 'thirty' }, ['halfLifeDays:not_a_number']],
    [{ thresholds: { medium: 20, high: 15, critical: 40 } }, ['thresholds:thresholds_out_of_order']],
    [{ thresholds: { high: 40, critical: 40 } }, ['thresholds:thresholds_out_of_order']],
    [{ thresholds: { medium: 0 } }, ['thresholds.medium:must_be_positive']],
    [{ typeWeights: { Raids: 4 } }, ['typeWeights.Raids:unknown_event_type']],
    [{ typeWeights: { Battles: -1 } }, ['typeWeights.Battles:must_not_be_negative']],
    [{ subEventWeights: { 'Armed clash': 12, Ambush: 3 } }, ['subEventWeights.Ambush:unknown_sub_event_type']],
    [{ credibilityFactors: { 2: 1.5 } }, ['credibilityFactors.2:must_be_fraction']],
    [{ minCoveredFraction: 2 }, ['minCoveredFraction:must_be_fraction']],
    [{ coverageDays: 0, halfLifeDays: 0 }, ['halfLifeDays:must_be_positive', 'coverageDays:must_be_positive']],
  ])('rejects %j with field-named errors', (settings, expected) => {
    expect(fieldsOf(validateEarlyWarningConfig(settings))).toEqual(expected);
  });

  it('gives every error a message in French and English', () => {
    const result = validateEarlyWarningConfig({ halfLifeDays: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message.fr).toMatch(/positive/);
    expect(result.errors[0]?.message.en).toMatch(/greater than zero/);
  });
});

describe('validateWindow', () => {
  it.each([
    [{ from: '2025-02-20T06:00:00Z', to: '2025-02-20T18:00:00Z' }, []],
    [{ from: '2025-02-20T18:00:00Z', to: '2025-02-20T06:00:00Z' }, ['window:window_inverted']],
    [{ from: '2025-02-20T06:00:00Z', to: '2025-02-20T06:00:00Z' }, ['window:window_inverted']],
    [{ from: 'yesterday', to: '2025-02-20T06:00:00Z' }, ['window.from:not_a_date']],
    [{ to: '2025-02-20T06:00:00Z' }, ['window.from:required']],
    ['2025-02-20', ['window:required']],
  ])('%j → %j', (input, expected) => {
    expect(fieldsOf(validateWindow(input))).toEqual(expected);
  });
});

describe('validateOverride', () => {
  const good = {
    section: 'ML-SN-07',
    level: 'high',
    reason: 'Renseignement : convoi armé signalé',
    setBy: 'coord.sn',
    setAt: '2025-02-20T10:00:00Z',
    expiresAt: '2025-02-27T10:00:00Z',
  };

  it('accepts a complete override and trims the reason', () => {
    expect(validateOverride({ ...good, reason: '  motif  ' })).toEqual({ ok: true, value: { ...good, reason: 'motif' } });
  });

  it.each([
    [{ reason: '' }, ['reason:reason_required']],
    [{ reason: '   ' }, ['reason:reason_required']],
    [{ reason: undefined }, ['reason:reason_required']],
    [{ level: 'severe' }, ['level:unknown_level']],
    [{ expiresAt: '2025-02-20T10:00:00Z' }, ['expiresAt:expiry_not_after_start']],
    [{ expiresAt: 'never' }, ['expiresAt:not_a_date']],
    [{ section: '' }, ['section:required']],
  ])('rejects %j', (change, expected) => {
    expect(fieldsOf(validateOverride({ ...good, ...change }))).toEqual(expected);
  });
});
