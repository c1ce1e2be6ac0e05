/**
 * Migrants stopped on their way, told as an arrest: the corpus codes them as an illegal crossing
 * (« 137 candidats au départ interpellés », "the navy picked up 150 migrants"), and the smugglers
 * who carry them as an arrest.
 */

// Migrants on their way (« candidats à l'émigration », « en route vers les Canaries », people who
// « s'apprêtaient à prendre la mer », « un départ de pirogue » stopped), not the smugglers who carry them.
const MIGRANTS =
  /\b(?:migrants?|candidats? (?:a l'emigration|au depart)|emigration (?:clandestine|irreguliere)|(?:irregular|illegal|clandestine) migration|(?:vers|pour) les (?:iles )?canaries|would-be migrants|backway|prendre la mer|departs? (?:d'une |de )?pirogues?|(?:rallier|rejoindre) (?:l'europe|l'espagne|les (?:iles )?canaries)|(?:reach|reaching) (?:europe|spain|the canar\w*)|(?:leave|leaving|depart\w*)[^.]{0,40} by sea)\b/;
const SMUGGLERS = /\b(?:passeurs?|convoyeurs?|trafiquants?|smugglers?|traffickers?)\b/;
// Migrants counted first among the ones held (« 62 candidats à l'émigration et deux convoyeurs »):
// the crossing stopped is the event, with its organisers; smugglers held « avec 37 migrants » are
// the arrest.
const MIGRANTS_COUNTED = /\b\d+ (?:[a-z'-]+ ){0,2}(?:migrants?|candidat(?:e)?s?)\b/;

/** Whether an arrest told in `folded` (a sentence, lower case, no accents) is migrants stopped. */
export function migrantsStopped(folded: string): boolean {
  if (!MIGRANTS.test(folded)) return false;
  const smugglers = folded.search(SMUGGLERS);
  if (smugglers < 0) return true;
  const counted = folded.search(MIGRANTS_COUNTED);
  return counted >= 0 && counted < smugglers;
}
