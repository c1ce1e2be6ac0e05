import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { extract } from '../../src/osint/extract.js';

describe('headlines of a trial, a look back, a health campaign or an accident report no new event', async () => {
  const gazetteer = await loadGazetteer();
  it.each([
    // [title, body, language]
    [
      'Attentats de Bamako : la peine de mort pour les deux accusés',
      'La cour d’assises spéciale de Bamako a rendu son verdict mercredi. Les deux accusés ont été reconnus coupables de l’attaque qui avait fait vingt morts en 2015 à Bamako, et condamnés à la peine capitale.',
      'fr',
    ],
    [
      'Boffa-Bayotte massacre: three men get life sentences',
      'A criminal court in Ziguinchor on Monday sentenced three men to life imprisonment over the January 2018 killing of fourteen woodcutters in the Boffa-Bayotte forest, near Ziguinchor.',
      'en',
    ],
    [
      'Massacres au centre : retour sur le drame d’Ogossagou',
      'Le samedi 23 mars 2019, des hommes armés ont attaqué le village d’Ogossagou, dans le cercle de Bankass, tuant près de 160 personnes. Un an plus tard, les survivants attendent toujours justice.',
      'fr',
    ],
    [
      'Fièvre jaune : Tambacounda lance un « ratissage » pour les retardataires',
      'Le district sanitaire de Tambacounda a vacciné 94 % de sa cible. Des équipes mobiles vont ratisser les villages de Tambacounda cette semaine pour atteindre les derniers enfants.',
      'fr',
    ],
    // A drill: the enemy beaten is make-believe.
    [
      "Tagant : les forces spéciales clôturent l'exercice « Fierté des armées » à N'Beika",
      "Les forces spéciales ont achevé samedi un exercice de plusieurs jours à N'Beika. Devant le ministre, les commandos ont neutralisé un ennemi fictif au moyen d'une embuscade et détruit ses véhicules.",
      'fr',
    ],
    // A mine's collapse is an accident, whoever dug there without a permit.
    [
      'Saraya : trois orpailleurs tués dans un éboulement sur un permis industriel',
      "Selon la gendarmerie, des orpailleurs clandestins venus des villages voisins avaient envahi le site mardi. Une galerie s'est affaissée sur eux en fin de matinée ; trois corps ont été retirés.",
      'fr',
    ],
    // Men kept in detention while their case goes on: a court's step, not an arrest.
    [
      'Morts de Podor : les quatre gendarmes restent en détention',
      "Les quatre gendarmes poursuivis pour la mort de deux manifestants à Podor ne sont pas sortis de prison. La chambre d'accusation leur avait accordé une liberté provisoire jeudi. Ils restent sous mandat de dépôt.",
      'fr',
    ],
  ] as const)('%s', (title, text, lang) => {
    expect(extract({ published: '2020-10-28', title, text, lang }, gazetteer).relevant).toBe(false);
  });

  // Riots after a verdict are events of their own.
  it('keeps the riots that follow a verdict', () => {
    const result = extract(
      {
        published: '2023-06-02',
        title: 'Après le verdict contre l’opposant, trois morts à Ziguinchor',
        text: 'Jeudi, des jeunes en colère ont pris d’assaut les rues de Ziguinchor après l’annonce du verdict. Les heurts avec les forces de l’ordre ont fait trois morts à Ziguinchor et des biens ont été saccagés.',
        lang: 'fr',
      },
      gazetteer,
    );
    expect(result.relevant).toBe(true);
  });
});
