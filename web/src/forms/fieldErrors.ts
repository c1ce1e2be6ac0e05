/** Field-name → message, keyed by the top-level body field the server named (`source.reliability` → `source`). */
export type FieldErrors = Record<string, string>;

export function fieldErrorFor(field: string | undefined, message: string, known: readonly string[]): FieldErrors {
  if (!field) return { form: message };
  const exact = known.find((name) => name === field);
  if (exact) return { [exact]: message };
  const parent = known.find((name) => field.startsWith(`${name}.`) || field.startsWith(`${name}[`));
  if (parent) return { [parent]: message };
  const root = field.split(/[.[]/)[0] ?? field;
  return known.includes(root) ? { [root]: message } : { form: message };
}
