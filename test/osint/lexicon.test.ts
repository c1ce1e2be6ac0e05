import { describe, expect, it } from 'vitest';
import { englishVerb, frenchVerb, nounForms } from '../../src/osint/lexicon/inflect.js';
import { findTargets, findTriggers, tokenize } from '../../src/osint/lexicon/matcher.js';
import { TRIGGERS } from '../../src/osint/lexicon/triggers.js';

const words = (sentence: string) => tokenize(sentence.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());

describe('lexicon inflection', () => {
  it('gives French verbs their tenses, persons and participles, folded', () => {
    expect(frenchVerb('attaquer')).toEqual(
      expect.arrayContaining(['attaque', 'attaquee', 'attaquees', 'attaquent', 'attaquaient', 'attaquerent', 'attaquant']),
    );
    expect(frenchVerb('saisir')).toEqual(expect.arrayContaining(['saisi', 'saisie', 'saisissent']));
    expect(frenchVerb('prendre')).toEqual(expect.arrayContaining(['pris', 'prise', 'prennent']));
    expect(frenchVerb('descendre')).toEqual(expect.arrayContaining(['descendu', 'descendue', 'descendues']));
  });

  it('gives English verbs and nouns of both languages their forms', () => {
    expect(englishVerb('attack')).toEqual(['attack', 'attacks', 'attacked', 'attacking']);
    expect(englishVerb('seize')).toContain('seized');
    expect(englishVerb('fall')).toEqual(['fall', 'falls', 'fell', 'fallen', 'falling']);
    expect(englishVerb('kidnap')).toContain('kidnapped');
    expect(englishVerb('patrol')).toContain('patrolled');
    expect(nounForms('embuscade')).toContain('embuscades');
    expect(nounForms('convoi')).toContain('convois');
  });
});

describe('lexicon matchers', () => {
  it('matches a verb phrase in the passive, words between its parts', () => {
    const hits = findTriggers(words('Le camp a été pris pour cible par des assaillants.'), 'fr');
    expect(hits.map((h) => h.value.sense)).toContain('attack');
    const mine = findTriggers(words('Le véhicule a sauté sur une mine artisanale.'), 'fr');
    expect(mine.map((h) => h.value.sense)).toContain('ied');
  });

  it('prefers the longest phrase at a word', () => {
    const [hit] = findTriggers(words('Attaque à main armée à Kharakhéna'), 'fr').filter((h) => h.value.sense === 'attack');
    expect(hit!.end - hit!.start).toBe(4);
  });

  it('finds targets by class, the longest first', () => {
    const targets = findTargets(words('des hommes armés ont attaqué le poste de police et le marché'), 'fr').map((t) => t.value);
    expect(targets).toEqual(['militants', 'post', 'market']);
  });

  it('has French and English words for every sense', () => {
    for (const row of TRIGGERS) {
      const count = (w: typeof row.fr) => (w.verbs?.length ?? 0) + (w.nouns?.length ?? 0) + (w.phrases?.length ?? 0);
      expect(count(row.fr), `${row.sense} fr`).toBeGreaterThan(0);
      expect(count(row.en), `${row.sense} en`).toBeGreaterThan(0);
    }
  });
});
