import { describe, expect, it } from 'vitest';
import { classifySentence } from '../../src/osint/classify-event.js';

// Demining a land clears old mines so that farmers may return: a programme, not an event. A device
// the forces defuse is one (disrupted weapons use).
describe('demining', () => {
  it.each([
    ['fr', 'Les opérations de déminage se poursuivent à Djibidione, où 12 000 mètres carrés ont été rendus aux cultivateurs.', null],
    ['en', 'Demining teams cleared another 40,000 square metres near Bignona last year.', null],
    ['fr', 'Les artificiers de l’armée ont désamorcé une charge sur la route de Bignona.', 'Disrupted weapons use'],
  ] as const)('%s: %s', (lang, sentence, expected) => {
    expect(classifySentence(sentence, lang).find((t) => t.sense === 'weapons')?.subEventType ?? null).toBe(expected);
  });
});

// Land cleared of old mines, or still to clear, tells no blast and no seizure; a deminer hurt by a
// mine is a blast.
describe('old mines cleared from a land', () => {
  it.each([
    ['fr', 'La Casamance compte encore 1,2 million de mètres carrés à dépolluer des restes explosifs de guerre.', null],
    ['en', 'Casamance recovers more land lost to landmines', null],
    ['fr', "Un agent de déminage a été blessé par l'explosion d'une mine antipersonnel près de Bignona.", 'Remote explosive/landmine/IED'],
  ] as const)('%s: %s', (lang, sentence, expected) => {
    const found = classifySentence(sentence, lang).filter((t) => t.sense === 'weapons' || t.sense === 'ied');
    expect(found[0]?.subEventType ?? null).toBe(expected);
  });
});
