// A raid the forces make (« les gendarmes ont fait un raid sur le site », "gendarmes raid
// night-time mining") is a search: the arrests, seizures or fight it led to tell the event, not an
// attack by its own word. Works on the folded sentence.
const FORCES_BEFORE =
  /\b(?:gendarmes?|gendarmerie|police(?:men)?|policiers|douaniers|customs|soldiers|troops|soldats|militaires|army|armee|security forces|forces de (?:securite|defense)|agents)\b[^,;:.]{0,40}$/;

/** Whether the trigger word is a raid whose doers, just before it, are the forces. */
export function raidByForces(word: string, before: string): boolean {
  return word.startsWith('raid') && FORCES_BEFORE.test(before);
}
