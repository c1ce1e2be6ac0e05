/** A server refusal shown under the field it names; the field points to it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert" data-testid={id}>
      {message}
    </p>
  );
}

export const errorId = (form: string, field: string) => `${form}-error-${field.replace(/[^a-zA-Z0-9]+/g, '-')}`;
