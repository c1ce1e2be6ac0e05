import { useState } from 'react';
import { ApiError } from '../api/client';
import { fieldErrorFor, type FieldErrors } from './fieldErrors';

export interface Submission {
  busy: boolean;
  errors: FieldErrors;
  /**
   * Runs the form's call to the node. A refusal by the node lands next to the field it names;
   * any other failure shows at the form level as `otherwise(error)`.
   */
  run: (call: () => Promise<void>, otherwise: (error: unknown) => string) => Promise<void>;
}

/** The busy flag and field errors of a form sent to the node; `fields` are the form's own. */
export function useSubmission(fields: readonly string[]): Submission {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const run = async (call: () => Promise<void>, otherwise: (error: unknown) => string) => {
    setBusy(true);
    setErrors({});
    try {
      await call();
    } catch (error) {
      setErrors(error instanceof ApiError ? fieldErrorFor(error.field, error.message, fields) : { form: otherwise(error) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, run };
}
