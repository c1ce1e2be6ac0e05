import { DiboliError } from './errors.js';

export const MIN_PASSWORD_LENGTH = 12;
/**
 * zxcvbn's scale: 3 is "safely unguessable" for an attacker who must go through a slow hash,
 * which is what a stolen copy of the password hashes would leave them with.
 */
export const MIN_PASSWORD_SCORE = 3;

/** A strength estimator on zxcvbn's 0–4 scale, told the words the password must not lean on. */
export type StrengthEstimate = (password: string, personalWords: readonly string[]) => number;

/** Lower case, accents off, letters and digits only: "Coord.ML" and "coordml" are the same word. */
function folded(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The password rule of the node, for new users and changed passwords: at least 12 characters,
 * not made from the username, and not guessable (common passwords, keyboard rows, dictionary
 * words in French or English, dates, repeats), as the estimator judges. Throws the first failure.
 */
export function checkPassword(password: string, owner: { username: string; displayName?: string }, estimate: StrengthEstimate): void {
  if ([...password.normalize('NFKC')].length < MIN_PASSWORD_LENGTH) {
    throw new DiboliError('ERR_PASSWORD_TOO_SHORT', { min: MIN_PASSWORD_LENGTH }, 'password');
  }
  const name = folded(owner.username);
  const word = folded(password);
  if (name.length >= 3 && (word.includes(name) || word.includes([...name].reverse().join('')))) {
    throw new DiboliError('ERR_PASSWORD_HAS_USERNAME', {}, 'password');
  }
  const personal = [owner.username, ...owner.username.split(/[._-]+/), ...(owner.displayName ? owner.displayName.split(/\s+/) : [])];
  if (
    estimate(
      password,
      personal.filter((w) => w.length >= 2),
    ) < MIN_PASSWORD_SCORE
  ) {
    throw new DiboliError('ERR_PASSWORD_WEAK', {}, 'password');
  }
}
