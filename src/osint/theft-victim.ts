// Who or what a theft took from, which tells its kind (corpus/README.md):
// - people robbed, on the road or at their trade, or wounded or killed by the robbers: an attack
//   on civilians;
// - livestock (« 80 moutons volés », "bandits made off with 200 cattle"), when no one is robbed in
//   person: cattle rustling;
// - anything else, among which goods carried off from shops at night (« ont emporté … dans sept
//   boutiques »), even when the sentence names the traders who own them: looting.
// Works on the folded sentence.
const ROBBED =
  /\b(?:passagers?|voyageurs?|usagers?|commercants?|marchands?|orpailleurs?|forains?|chauffeurs?|camions?|camionneurs?|routiers?|transporteurs?|cars?|autocars?|bus|vehicules?|geologues?|ouvriers?|employes?|travailleurs?|sites? d'orpaillage|passengers?|travell?ers?|traders?|shopkeepers?|drivers?|trucks?|truckers?|lorr(?:y|ies)|coach(?:es)?|buses|miners?|vehicles?|geologists?|workers?|employees?|crew)\b/;
const HARMED = /\b(?:blessant|tuant|wounding|injuring|killing|shooting)\b|\b(?:blesse|tue|abattu)e?s?\b/;
const FROM_SHOPS = /\b(?:dans|de|from|in) (?:les |des |leurs |their |the |\w+ )?(?:boutiques?|magasins?|echoppes?|shops?|stores?)\b/;
const LIVESTOCK = /\b(?:moutons?|brebis|chevres?|b(?:oe|œ)ufs?|bovins?|vaches?|betail|cheptel|petits ruminants|cattle|cows?|sheep|goats?|livestock|herds?)\b/;

export type TheftVictim = 'people' | 'livestock' | 'goods';

/** What the theft a sentence tells took from: people, livestock or goods. */
export function theftVictim(folded: string): TheftVictim {
  if (HARMED.test(folded)) return 'people';
  const robbed = ROBBED.test(folded);
  if (robbed && !FROM_SHOPS.test(folded)) return 'people';
  if (LIVESTOCK.test(folded) && !robbed) return 'livestock';
  return 'goods';
}
