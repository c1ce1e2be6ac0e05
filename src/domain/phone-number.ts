/**
 * A phone number in the international form the node keeps (`+22376000000`): spaces, dots,
 * dashes and brackets dropped, `00` read as `+`. Gateways that drop the `+` send ten or more
 * digits, read as international too. Null when what is left is no E.164 number.
 */
export function normalisePhone(text: string): string | null {
  const compact = text.trim().replace(/[\s.\-()/]/g, '');
  const international = compact.startsWith('+') ? compact : compact.startsWith('00') ? `+${compact.slice(2)}` : compact.length >= 10 ? `+${compact}` : compact;
  return /^\+[1-9]\d{7,14}$/.test(international) ? international : null;
}
