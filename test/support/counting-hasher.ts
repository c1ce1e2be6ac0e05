import { Passwords, scryptDerivation, type KeyDerivation } from '../../src/services/passwords.js';

/** The node's password hasher with a tally of the scrypt derivations it really runs, and their cost. */
export function countingPasswords(): { passwords: Passwords; derivations: { N: number; r: number; p: number }[] } {
  const derivations: { N: number; r: number; p: number }[] = [];
  const counting: KeyDerivation = (password, salt, keyLength, options) => {
    derivations.push({ N: options.N ?? 0, r: options.r ?? 0, p: options.p ?? 0 });
    return scryptDerivation(password, salt, keyLength, options);
  };
  return { passwords: new Passwords(counting), derivations };
}
