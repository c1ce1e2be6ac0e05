import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { formErrors, type FieldErrors } from './fieldErrors';

export interface Submission {
  busy: boolean;
  errors: FieldErrors;
  /**
   * Runs the form's call to the node. Each refused field gets its error under it, all at once;
   * any other failure shows at the form level as `otherwise(error)`.
   */
  run: (call: () => Promise<void>, otherwise: (error: unknown) => string) => Promise<void>;
  /** The officer changed the field: its error is gone until the node says otherwise. */
  fixed: (field: string) => void;
  /** Errors the form finds itself before sending (a value it cannot read). */
  refuse: (errors: FieldErrors) => void;
  /**
   * For the form's `onChange`: a change in any control inside an element marked `data-field`
   * clears that field's error.
   */
  changed: (event: { target: EventTarget }) => void;
}

/**
 * The busy flag and field errors of a form sent to the node; `fields` are the form's own, and
 * `labels` the translation keys of their labels (errors are worded with them).
 */
export function useSubmission(fields: readonly string[], labels: Readonly<Record<string, string>> = {}): Submission {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const label = (field: string) => (labels[field] ? t(labels[field]) : field);
  const worded = (name: string, message: string) => t('form.fieldError', { label: name, message });
  const run = async (call: () => Promise<void>, otherwise: (error: unknown) => string) => {
    setBusy(true);
    setErrors({});
    try {
      await call();
    } catch (error) {
      setErrors(error instanceof ApiError ? formErrors(error, fields, label, worded) : { form: otherwise(error) });
    } finally {
      setBusy(false);
    }
  };
  const fixed = useCallback(
    (field: string) =>
      setErrors((current) => {
        if (!(field in current)) return current;
        const { [field]: _gone, ...rest } = current;
        return rest;
      }),
    [],
  );
  const changed = useCallback(
    (event: { target: EventTarget }) => {
      const field = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-field]')?.dataset.field : undefined;
      if (field) fixed(field);
    },
    [fixed],
  );
  return { busy, errors, run, fixed, refuse: setErrors, changed };
}
