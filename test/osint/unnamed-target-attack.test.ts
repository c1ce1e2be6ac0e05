import { describe, expect, it } from 'vitest';
import { classifySentence } from '../../src/osint/classify-event.js';
import { unnamedTargetAttack } from '../../src/osint/unnamed-target-attack.js';

// « Une attaque armée fait quatre morts »: the sentence names no target, so its kind is a guess.
const [unsure] = classifySentence('Bandiagara : une attaque armée fait quatre morts', 'fr');
const kind = (t: { eventType: string; subEventType: string }) => `${t.eventType} / ${t.subEventType}`;

describe('the kind of an attack whose target its sentence does not name', () => {
  it('is a guess to begin with', () => expect(unsure?.uncertain).toBe(true));

  it.each([
    [
      'another sentence tells an attack on a village',
      ["Des hommes armés ont attaqué le village d'Ogossagou."],
      new Map(),
      'Violence against civilians / Attack',
    ],
    [
      'another sentence tells an attack on a post',
      ['Des hommes armés ont attaqué le poste de gendarmerie.'],
      new Map([['Violence against civilians / Attack', 0.9]]),
      'Battles / Armed clash',
    ],
    [
      'no sentence names a target: the model reads civilians',
      [],
      new Map([
        ['Violence against civilians / Attack', 0.6],
        ['Battles / Armed clash', 0.2],
      ]),
      'Violence against civilians / Attack',
    ],
    [
      'no sentence names a target: the model reads a battle',
      [],
      new Map([
        ['Violence against civilians / Attack', 0.1],
        ['Battles / Armed clash', 0.5],
      ]),
      'Battles / Armed clash',
    ],
  ] as const)('%s', (_, others, kinds, expected) => {
    const triggers = [unsure!, ...others.flatMap((s) => classifySentence(s, 'fr'))];
    expect(kind(unnamedTargetAttack(triggers, kinds)(unsure!))).toBe(expected);
  });

  it('is left as the rules read it with neither another sentence nor a model', () => {
    expect(unnamedTargetAttack([unsure!], new Map())(unsure!)).toEqual(unsure);
  });

  it('never changes an attack whose target is named', () => {
    const [named] = classifySentence('Des hommes armés ont attaqué le poste de gendarmerie.', 'fr');
    const read = unnamedTargetAttack([named!, ...classifySentence("Des hommes armés ont attaqué le village d'Ogossagou.", 'fr')], new Map());
    expect(kind(read(named!))).toBe('Battles / Armed clash');
  });
});
