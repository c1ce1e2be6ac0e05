/**
 * Two communities fighting each other, with no forces and no armed men in the sentence: the
 * residents of two villages (« heurts entre les habitants de Gogui-Mali et de Gogui-Zemal »), the
 * youths of two sides of a border. ACLED codes such a fight as mob violence, not as a battle or an
 * attack. Works on the folded sentence.
 */
import { MILITARY_PRESENT, NON_STATE, POLICE, SECURITY_FORCES } from './party-words.js';

// Farmers and herders are left out: their fights over fields and herds, often armed and deadly,
// are coded as clashes of communal militias.
const COMMUNITIES = /\b(habitants|villageois|jeunes|communautes|pecheurs|residents|villagers|youths?|communities|fishermen)\b/;
// Forces named by a generic word: « les agents des services de sécurité », "the forces".
const ANY_FORCE = /\b(agents|services de securite|forces|gardes?|douaniers|guards|customs)\b/;
// The fight set one group against the other, told as such.
const AGAINST_EACH_OTHER = /\b(entre|opposant|ont oppose|opposent|se sont affrontes|s'affrontent|between|pitting|clashed with each other)\b/;

/** Whether the sentence's fight is one community's against another's. */
export function communalFight(folded: string): boolean {
  return (
    COMMUNITIES.test(folded) &&
    AGAINST_EACH_OTHER.test(folded) &&
    !SECURITY_FORCES.test(folded) &&
    !ANY_FORCE.test(folded) &&
    !POLICE.test(folded) &&
    !NON_STATE.test(folded) &&
    !MILITARY_PRESENT.test(folded)
  );
}
