import { describe, expect, it } from 'vitest';
import { foldSentence } from '../../src/osint/classify-event.js';
import { tollBySides } from '../../src/osint/toll-by-sides.js';

const fold = (lines: readonly string[]) => lines.map(foldSentence);

describe('tollBySides', () => {
  it.each([
    // [sentences, the one read, toll]
    [
      [
        'Le bilan provisoire s’établit comme suit :',
        '– côté ami : quatre (04) militaires tués et quatorze (14) blessés ;',
        '– côté ennemi : six (06) terroristes neutralisés.',
      ],
      1,
      10,
    ],
    // Read from either side, the run adds up.
    [['– côté ami : quatre (04) militaires tués ;', '– côté ennemi : six (06) terroristes neutralisés.', 'Des ratissages se poursuivent.'], 1, 10],
    [['On our side, two soldiers were killed.', 'On the enemy side, eleven fighters were killed.'], 0, 13],
    // A side with no dead told adds nothing; a sentence of no side is read alone.
    [['– côté ami : trois blessés ;', '– côté ennemi : deux terroristes neutralisés.'], 0, 2],
    [['Deux soldats ont été tués.', '– côté ennemi : six terroristes neutralisés.'], 0, 2],
    [['– côté ami : trois blessés.'], 0, null],
  ] as const)('%j, line %i → %s', (lines, at, toll) => {
    expect(tollBySides(fold(lines), at)).toBe(toll);
  });
});

describe('an army communiqué telling its toll side by side', async () => {
  const { loadGazetteer } = await import('../../src/geo/gazetteer.js');
  const { extract } = await import('../../src/osint/extract.js');
  const gazetteer = await loadGazetteer();
  it('gives its event the dead of both sides', () => {
    const text = [
      "L'État-major général des Armées informe que ce dimanche 14 novembre 2021, le poste de Guiré a été attaqué par des terroristes.",
      'Les unités des FAMa ont riposté et repoussé les assaillants. Le bilan provisoire s’établit comme suit :',
      '– côté ami : quatre (04) militaires tués et quatorze (14) blessés ;',
      '– côté ennemi : six (06) terroristes neutralisés.',
    ].join('\n');
    const result = extract({ published: '2021-11-15', title: 'Communiqué de l’État-major général des Armées', text, lang: 'fr' }, gazetteer);
    expect(result.events[0]?.fatalities).toBe(10);
  });
});
