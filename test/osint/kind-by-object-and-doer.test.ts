import { describe, expect, it } from 'vitest';
import { classifySentence } from '../../src/osint/classify-event.js';

const main = (sentence: string, language: 'fr' | 'en') => {
  const [trigger] = classifySentence(sentence, language);
  return trigger ? `${trigger.eventType} / ${trigger.subEventType}` : null;
};

// What an act took or hit, and who did it, tell its kind where its verb does not.
describe('the kind of an act by its object and its doer', () => {
  it.each([
    // Armed men a load was meant for are not the ones who arrest.
    ['fr', 'Niafunké : un camion de carburant destiné aux terroristes saisi, le transporteur arrêté', 'Strategic developments / Arrests'],
    ['fr', 'Des terroristes ont arrêté le transporteur sur la route de Niafunké.', 'Violence against civilians / Abduction/forced disappearance'],
    // A raid the forces make is a search, told by what it led to.
    ['en', 'Senegal: ten held as gendarmes raid night-time mining on the Falémé at Bantinkhoto', null],
    ['en', 'Gunmen raided the village of Kerr Gumalo overnight.', 'Violence against civilians / Attack'],
    // Goods carried off from shops are looting; people robbed are attacked; livestock is rustled.
    [
      'fr',
      'Les malfaiteurs ont emporté plusieurs millions de francs dans sept boutiques des commerçants de Kounkané.',
      'Strategic developments / Looting/property destruction',
    ],
    ['fr', 'Les bandits ont dépouillé les commerçants sur la route de Kounkané.', 'Violence against civilians / Attack'],
    ['fr', 'Fait insolite : 80 moutons volés à la gendarmerie de Linguère.', 'Border activity / Cattle rustling'],
    ['fr', 'Balantacounda : les voleurs emportent 40 bœufs vers la Guinée-Bissau', 'Border activity / Cattle rustling'],
    ['fr', 'Des marchands de bétail dépouillés de six millions sur la piste de Damba.', 'Violence against civilians / Attack'],
    // Hundreds who march in a town, or rally, protest.
    ['en', '"US army, leave": hundreds marched in Agadez against the American base.', 'Protests / Peaceful protest'],
    ['en', 'Several hundred people rallied on Sunday morning in Agadez.', 'Protests / Peaceful protest'],
    // Refugees arriving across the border are displaced: the corpus codes their arrival.
    ['fr', 'Hodh El Chargui : afflux sans précédent de réfugiés maliens à Bassikounou et Néma', 'Border activity / Displacement'],
    ['fr', 'Des réfugiés maliens sont arrivés à Bassikounou.', null],
    ['en', 'New arrivals from Nampala area reach Mbera camp in Mauritania', 'Border activity / Displacement'],
    // Forces destroying the armed men's vehicles fought them; their own depot burned is property.
    ['fr', 'Tikfrinadji : les FAMa détruisent deux pick-up terroristes', 'Battles / Armed clash'],
    ['fr', 'Les FAMa ont détruit un dépôt de carburant des terroristes à Nampala.', 'Strategic developments / Looting/property destruction'],
    // A gold-panning site dismantled is property destroyed, not a gang broken up.
    ['en', 'Senegal: gendarmes dismantle illegal gold-panning site at Madina near the Falémé', 'Strategic developments / Looting/property destruction'],
    ['en', 'Police dismantled a drug ring in Kolda.', 'Strategic developments / Arrests'],
    // A seizure named as such, and drugs counted in bricks, are the seizure; a court « saisie » is not.
    ['en', 'Mali Customs: double seizure of 15,400 cartons of banned pasta at Diboli border post', 'Strategic developments / Other'],
    ['fr', 'Diboli : saisie de 15 000 cartons de pâtes par la douane', 'Strategic developments / Other'],
    ['en', 'Customs officers in Segou have seized 136 bricks of cannabis hidden in a car.', 'Strategic developments / Other'],
    ['fr', 'Le tribunal a été saisi du dossier.', null],
    // Two states that agree to act together on their border make an agreement.
    ['en', 'Mauritania and Mali have agreed to activate security and military cooperation along their shared border.', 'Strategic developments / Agreement'],
    // Youths in the street against insecurity protest.
    ['fr', "Bandiagara : la jeunesse dans la rue contre l'insécurité", 'Protests / Peaceful protest'],
    ['fr', 'Les enfants jouent dans la rue du marché.', null],
    // Tear gas is fired at a gathering, which the forces break up.
    ['fr', 'Siguiri : des orpailleurs en colère dispersés au gaz lacrymogène', 'Protests / Protest with intervention'],
    ['en', 'Police fired tear gas at the crowd in Kankan.', 'Protests / Protest with intervention'],
    // No one held is no arrest.
    ['fr', "Aucune personne n'a été interpellée sur les lieux.", null],
    ['en', 'No one was arrested at the site.', null],
    ['fr', 'Une personne a été interpellée sur les lieux.', 'Strategic developments / Arrests'],
    // A town's night or day of anger is unrest, the killing it answered its cause.
    ['fr', "Nuit de colère à Gao après l'assassinat d'un garde", 'Riots / Violent demonstration'],
    ['en', 'A day of rage in Ouahigouya against the constitutional change.', 'Riots / Violent demonstration'],
    ['fr', "L'assassinat d'un garde à Gao.", 'Battles / Armed clash'],
    // A march that turns to wrecking is a riot; wrecking no crowd is named for is destruction.
    ['fr', 'Burkina : à Ouahigouya, la marche dégénère et le siège de la RTB2 est saccagé', 'Riots / Violent demonstration'],
    ['fr', 'Le siège de la RTB2 est saccagé.', 'Strategic developments / Looting/property destruction'],
    // Residents of two villages fighting each other: mob violence; youths against the forces: a riot.
    ['fr', 'Frontière Mali-Mauritanie : heurts entre les habitants de Gogui-Mali et de Gogui-Zemal', 'Riots / Mob violence'],
    ['fr', 'Des heurts ont opposé des jeunes qui réclament le courant et les agents des services de sécurité à Kamsar.', 'Riots / Violent demonstration'],
    ['fr', "Des affrontements entre l'armée et des jihadistes près de Boni.", 'Battles / Armed clash'],
    // Demonstrators arrested as the forces break up their protest are its intervention; men
    // arrested over a protest afterwards are an arrest.
    ['fr', 'Tamba : la marche de soutien à Sonko dispersée, plusieurs jeunes arrêtés', 'Protests / Protest with intervention'],
    ['fr', 'Kouroussa : des orpailleurs arrêtés sur le site de KGM, des mères dispersées au gaz lacrymogène', 'Protests / Protest with intervention'],
    ['en', "Gambia police arrest 13 over 'illegal' Kanilai demonstration", 'Strategic developments / Arrests'],
    // A town marching after a death, and demonstrators who retake the roads, protest.
    ['fr', '« Plus jamais ça » : Oussouye marche après la mort de Barthélemy Diatta', 'Protests / Peaceful protest'],
    ['fr', "Ce mercredi, les manifestants de Bandiagara ont réoccupé l'ensemble des axes routiers.", 'Protests / Peaceful protest'],
    ['fr', "Les FAMa ont réoccupé l'ensemble des axes routiers autour de Bandiagara.", 'Battles / Government regains territory'],
    // A threat of attacks, attacks still to commit, and a call to report anyone suspect tell no act.
    ['fr', "Mali : des menaces d'attentats signalées sur Diéma et Banamba à l'approche de la fête", null],
    ['fr', 'Les trois individus évoquaient des attentats à commettre le jour de la fête à Diéma.', null],
    ['fr', 'Un attentat a visé le marché de Diéma le jour de la fête.', 'Violence against civilians / Attack'],
    ['fr', 'Signaler toute présence suspecte aux forces de défense.', null],
    // Migrants intercepted, however their number is told, and people turned back at a border.
    ['en', "GID intercepts 108 would-be 'backway' migrants at Toubakolong in Upper Nuimi", 'Border activity / Illegal crossing'],
    ['en', 'Guinea-Bissau nationals from The Gambia sent back by Senegalese police', 'Border activity / Illegal crossing'],
    ['fr', 'Quarante ressortissants refoulés à la frontière de Séléty.', 'Border activity / Illegal crossing'],
    // Refugees newly arrived, or people seeking safety across a border, are displaced.
    ['en', 'First convoy of new Malian refugees reaches Tabareybarey camp', 'Border activity / Displacement'],
    ['en', 'About 500 Fulani herders seek safety at Inates.', 'Border activity / Displacement'],
  ] as const)('%s: %s', (language, sentence, expected) => {
    expect(main(sentence, language)).toBe(expected);
  });

  // The killing a town's anger followed is its cause, whatever word tells it: it weighs less.
  it('weighs the killing a night of anger followed below the unrest', () => {
    const triggers = classifySentence("Nuit de colère à Gao après l'assassinat d'un garde", 'fr');
    const riot = triggers.find((t) => t.sense === 'riot')!;
    const killing = triggers.find((t) => t.sense === 'kill')!;
    expect(killing.weight).toBeLessThan(riot.weight);
  });
});
