import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../i18n/format';

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'lang'> & {
  type: 'date' | 'datetime-local';
  value: string;
};

/**
 * A native date field tagged with the UI language (browsers that honour `lang` draw it in that
 * language). Most draw date fields in their own locale whatever the page says (Chromium shows
 * 11/30/2026 to a French officer), and a page cannot tell which: so the chosen date is also
 * written out underneath in the UI language, and nobody has to guess the day from the month.
 */
export function DateInput({ type, value, ...rest }: DateInputProps) {
  const { i18n } = useTranslation();
  const readable =
    value
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
