import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../i18n/format';

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'lang'> & {
  type: 'date' | 'datetime-local';
  value: string;
};

/** Whether the browser draws its date fields in a language other than the UI's. */
function browserSpeaksOtherLanguage(language: string): boolean {
  return (navigator.language || '').toLowerCase().split('-')[0] !== language;
}

/**
 * A native date field tagged with the UI language (browsers that honour `lang` draw it in that
 * language). Most draw date fields in their own locale instead; then the chosen date is also
 * written out underneath, in the UI language, so that no officer has to guess day from month.
 */
export function DateInput({ type, value, ...rest }: DateInputProps) {
  const { i18n } = useTranslation();
  const readable =
    value && browserSpeaksOtherLanguage(i18n.language)
      ? type === 'date'
        ? formatDay(value, i18n.language)
        : formatDateTime(value, i18n.language)
      : null;
  return (
    <>
      <input type={type} lang={i18n.language} value={value} {...rest} />
      {readable && (
        <span className="date-readout" aria-hidden="true">
          {readable}
        </span>
      )}
    </>
  );
}
