import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  /** What the button says, and what the confirmation asks. */
  label: string;
  question: string;
  /** The confirming button's words (the action itself, not "OK"). */
  confirm: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  /** The node's permission the action needs (the UI's permission test reads it). */
  verb?: string;
  children?: ReactNode;
}

/**
 * A button for what cannot be undone (cancelling a patrol, refuting an incident): it asks first,
 * in a modal dialog that names the consequence, and acts only on the second, explicit choice.
 */
export function ConfirmButton({ label, question, confirm, onConfirm, disabled, className, verb }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} data-verb={verb} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-label={label}>
        <form method="dialog">
          <p>{question}</p>
          <div className="form-actions">
            <button type="submit" value="confirm" className="danger" onClick={onConfirm}>
              {confirm}
            </button>
            {/* biome-ignore lint/a11y/noAutofocus: a confirmation dialog opens on its harmless choice, so Enter does not confirm by accident. */}
            <button type="submit" value="back" autoFocus>
              {t('confirm.back')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
