import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

const body =
  'Two months after the attack, passengers of the Timbuktu ferry describe what they lived through.\n\n' +
  'They describe roughly a quarter of an hour of rockets, gunfire and fire around 20 km upstream of Bamba, and nobody can say with certainty who fired.\n\n' +
  'In a region where massacres often go unrecorded, the testimonies give faces to the dead.';

describe('a headline looking back at an old event', async () => {
  const gazetteer = await loadGazetteer();
  it.each([
    ['Two months on, survivors recount the Timbuktu ferry massacre'],
    ['Massacre du bateau de Tombouctou : deux mois après, les survivants racontent'],
    ['Ten years on: remembering the Timbuktu ferry massacre'],
    ["Victims' remembrance: the Timbuktu ferry massacre"],
    ['Two months after the Timbuktu ferry massacre, the inquiry has yet to conclude'],
    // « un an après »: one year, singular.
    ['Massacre du bateau de Tombouctou : un an après, les survivants rendent hommage aux victimes'],
    // « revient sur »: a piece going back over the events.
    ['Massacre du bateau de Tombouctou : une ONG revient sur les événements'],
    // A press review tells what the papers say of the event.
    ['L’offensive de l’armée autour de Tombouctou à la une des quotidiens'],
  ])('%s: no new event', (title) => {
    expect(extract({ published: '2023-11-10', title, text: body, lang: 'en' }, gazetteer).relevant).toBe(false);
  });
});

// « retour sur », "recounts" also head the report of an event of the last days; a headline counting
// the time since it never does.
describe('a headline going back over the last days', async () => {
  const gazetteer = await loadGazetteer();
  const text =
    'Le jeudi 19 septembre 2019, plusieurs centaines de jeunes sont descendus dans la rue à Niono.\n\n' +
    'La foule a incendié le commissariat de police et tué le commissaire ; un manifestant a été tué.';
  it.each([
    ['Émeutes meurtrières de Niono : retour sur un soulèvement', '2019-09-20', true],
    ['Émeutes meurtrières de Niono : retour sur un soulèvement', '2019-10-20', false],
    ['Émeutes de Niono : un an après, retour sur un soulèvement', '2019-09-20', false],
  ] as const)('%s, published %s', (title, published, expected) => {
    expect(extract({ published, title, text, lang: 'fr' }, gazetteer).relevant).toBe(expected);
  });
});
