/**
 * A run of capitalised words written wholly in capitals (« URGENT KOLOKANI » opening a social post,
 * « ALERTE NIORO ») is a shouted line, not a person's first name and surname: press and posts
 * write a person as « Bakary Diarra » or « Bakary DIARRA », a first name in small letters. Its
 * known places stay places, where the words of a mixed run would be taken for a person's name.
 */
const CAPITALS_ONLY = /^[\p{Lu}\p{M}’'\- ]+$/u;

export function isShoutedRun(run: string): boolean {
  return run.includes(' ') && CAPITALS_ONLY.test(run) && /\p{Lu}{2}/u.test(run);
}
