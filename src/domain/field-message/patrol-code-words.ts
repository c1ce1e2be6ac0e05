/**
 * The patrol code at the start of a message's arguments: one word (`ML-12`, `ml12`) or two
 * (`ML 12`), spelled back as the node writes codes.
 */
export function readPatrolCode(words: readonly string[], start: number): { code: string; next: number } | undefined {
  const one = words[start];
  const two = words[start + 1];
  const joined = (letters: string, digits: string) => `${letters.toUpperCase()}-${Number(digits)}`;
  const whole = one === undefined ? null : /^([A-Za-z]{2,4})-?(\d{1,6})$/.exec(one);
  if (whole) return { code: joined(whole[1]!, whole[2]!), next: start + 1 };
  if (one !== undefined && two !== undefined && /^[A-Za-z]{2,4}$/.test(one) && /^\d{1,6}$/.test(two)) return { code: joined(one, two), next: start + 2 };
  return undefined;
}
