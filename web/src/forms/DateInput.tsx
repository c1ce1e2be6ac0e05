import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay, localeFor } from '../i18n/format';
import { datePattern, dateToText, textToDate, UNREADABLE, type DateKind } from './dateText';

interface DateInputProps {
  id?: string;
  type: DateKind;
  /** Local `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`; '' when blank. */
  value: string;
  /** The new value; text that is no date comes as `?` followed by it (the node then names the field). */
  onChange: (value: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * A date (and time) field written in the officer's language — day, month and year in the order
 * of that language, 24-hour time — whatever language the browser itself is set to: native date
 * fields follow the browser, and showed mm/dd/yyyy to French officers. The calendar button still
 * opens the browser's own picker; the day chosen is written back in the officer's order, and
 * spelled out underneath so that nobody has to guess which number is the month.
 */
export function DateInput({ id, type, value, onChange, ...aria }: DateInputProps) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const [text, setText] = useState(() => dateToText(value, type, locale));
  const picker = useRef<HTMLInputElement>(null);

  // A value set from outside (a reset, a date picked in the calendar, a change of language) is
  // written out again; what the officer is typing is left alone while it reads as that value.
  // biome-ignore lint/correctness/useExhaustiveDependencies: typing changes `text` and must not rewrite it; only a new value does.
  useEffect(() => {
    const typed = text.trim() === '' ? '' : textToDate(text, type, locale);
    if (typed !== value && !(value.startsWith(UNREADABLE) && value.slice(1) === text)) setText(dateToText(value, type, locale));
  }, [value, type, locale]);

  const typed = (next: string) => {
    setText(next);
    if (next.trim() === '') onChange('');
    else onChange(textToDate(next, type, locale) ?? `${UNREADABLE}${next}`);
  };

  const readable = value && !value.startsWith(UNREADABLE) ? (type === 'date' ? formatDay(value, i18n.language) : formatDateTime(value, i18n.language)) : null;
  const pattern = datePattern(type, locale, t('date.letters', { returnObjects: true }) as Record<'day' | 'month' | 'year' | 'hour' | 'minute', string>);

  return (
    <span className="date-input">
      <span className="date-input-row">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          lang={i18n.language}
          value={text}
          placeholder={pattern}
          title={t('date.hint', { pattern })}
          onChange={(event) => typed(event.target.value)}
          {...aria}
        />
        <button
          type="button"
          className="date-picker-button"
          aria-label={t('date.calendar')}
          title={t('date.calendar')}
          onClick={() => {
            try {
              picker.current?.showPicker();
            } catch {
              picker.current?.focus();
            }
          }}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
            <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
          </svg>
        </button>
        <input
          ref={picker}
          className="date-picker-proxy"
          type={type}
          tabIndex={-1}
          aria-hidden="true"
          value={value.startsWith(UNREADABLE) ? '' : value}
          onChange={(event) => {
            setText(dateToText(event.target.value, type, locale));
            onChange(event.target.value);
          }}
        />
      </span>
      {readable && (
        <span className="date-readout" aria-hidden="true">
          {readable}
        </span>
      )}
    </span>
  );
}
