/** Field-name → message, keyed by the top-level body field the server named (`source.reliability` → `source`). */
export type FieldErrors = Record<string, string>;

/** The form's own field that an API field belongs to (`source.reliability` → `source`), or `form`. */
export function formFieldOf(field: string | undefined, known: readonly string[]): string {
  if (!field) return 'form';
  if (known.includes(field)) return field;
  const parent = known.find((name) => field.startsWith(`${name}.`) || field.startsWith(`${name}[`) || field.startsWith(`${name}/`));
  if (parent) return parent;
  const root = field.split(/[./[]/)[0] ?? field;
  return known.includes(root) ? root : 'form';
}

export function fieldErrorFor(field: string | undefined, message: string, known: readonly string[]): FieldErrors {
  return { [formFieldOf(field, known)]: message };
}

/**
 * The refusal of the node as the form shows it: each field's error under it, worded with the
 * field's label in the officer's language (`label` gives it) rather than the API's field name.
 * A schema refusal lists every field; a rule's refusal names one, in a sentence of its own.
 */
export function formErrors(
  refusal: { code: string; message: string; field?: string; errors: readonly { field: string; message: string }[] },
  known: readonly string[],
  label: (field: string) => string,
  worded: (label: string, message: string) => string,
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    if (!errors[field]) errors[field] = message;
  };
  if (refusal.errors.length > 0) {
    for (const issue of refusal.errors) {
      const field = formFieldOf(issue.field, known);
      add(field, field === 'form' ? worded(issue.field, issue.message) : worded(label(field), issue.message));
    }
    return errors;
  }
  const field = formFieldOf(refusal.field, known);
  if (field === 'form' || !refusal.field) return { form: refusal.message };
  // A rule's sentence may still quote the API's name of the field: the label reads better.
  const quoted = new RegExp(`[«"(]\\s?${refusal.field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s?[»")]`, 'g');
  add(field, refusal.message.replace(quoted, `« ${label(field)} »`));
  return errors;
}
