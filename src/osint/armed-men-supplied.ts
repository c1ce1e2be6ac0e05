// Armed men named as those a load was meant for (« un camion de carburant destiné aux
// terroristes », « ravitaillait les jihadistes », "fuel bound for the militants") are not the ones
// who act in the sentence: the driver « arrêté » after such a seizure is arrested, not abducted.
const SUPPLIED =
  /\b(?:destinee?s? (?:aux?|a des)|au profit (?:des?|du)|ravitaill\w* (?:les|des)|approvisionn\w* (?:les|des)|fournisseurs? (?:des|de|du)|complices? (?:des|de|du)|bound for|intended for|destined for|meant for|suppl(?:ying|ied|ier of|iers of)(?: the)?)\s+(?:\w+\s+){0,2}\w+/g;

/** The clause with the words naming those a load or a supply was meant for taken out. */
export function withoutSupplied(clause: string): string {
  return clause.replace(SUPPLIED, ' ¤ ');
}
