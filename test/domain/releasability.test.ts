import { describe, expect, it } from 'vitest';
import type { Mechanism } from '../../src/domain/mechanism.js';
import { isVisibleTo, releasabilityOf } from '../../src/domain/sovereignty.js';

const mechanism: Mechanism = {
  id: 'M',
  name: 'test',
  nations: ['ML', 'SN', 'MR'],
  agreement: { title: '', date: '', reference: '' },
  sharingPolicy: { incident: ['SN'], patrol: ['SN'], position: [], post: ['SN', 'MR'], unit: ['MR', 'SN'] },
};

describe('releasability', () => {
  it.each([
    ['the default of the kind when none is asked', undefined, 'incident', ['SN']],
    ['national only when asked for nothing', [], 'incident', []],
    ['sorted and without duplicates', ['SN', 'MR', 'SN'], 'incident', ['MR', 'SN']],
    ['never the owner itself', ['ML', 'SN'], 'incident', ['SN']],
    ['positions to nobody by default', undefined, 'position', []],
  ] as const)('resolves to %s', (_name, requested, kind, expected) => {
    expect(releasabilityOf(mechanism, 'ML', kind, requested)).toEqual(expected);
  });

  it('refuses a nation outside the mechanism, naming the field', () => {
    expect(() => releasabilityOf(mechanism, 'ML', 'incident', ['SN', 'FR'])).toThrow(
      expect.objectContaining({ code: 'ERR_RELEASE_OUTSIDE_MECHANISM', field: 'releasableTo' }),
    );
  });

  it.each([
    ['its owner', { owner: 'ML', releasableTo: [] }, 'ML', true],
    ['a nation it was released to', { owner: 'ML', releasableTo: ['SN'] }, 'SN', true],
    ['a partner it was not released to', { owner: 'ML', releasableTo: ['SN'] }, 'MR', false],
    ['a partner of a national record', { owner: 'SN', releasableTo: [] }, 'ML', false],
  ])('a record is visible to %s: %s', (_name, record, nation, visible) => {
    expect(isVisibleTo(record, nation)).toBe(visible);
  });
});
