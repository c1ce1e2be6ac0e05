import type { DatePrecision } from '../api/types';

/**
 * The locale used for dates and numbers: the browser's own variant of the UI language when it has
 * one (fr-SN, fr-ML, en-GB…), otherwise a neutral one.
 */
export function localeFor(language: string): string {
  const preferred = navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === language);
  return preferred ?? (language === 'fr' ? 'fr-FR' : 'en-GB');
}

// Building an Intl formatter costs far more than using one, and a list of thousands of incidents
// formats the same few patterns over and over: each is built once per language and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `date ${language} ${JSON.stringify(options)}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(localeFor(language), options);
    formatters.set(key, format);
  }
  return format;
}

function numberFormat(language: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `number ${language} ${maximumFractionDigits}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(localeFor(language), { maximumFractionDigits });
    formatters.set(key, format);
  }
  return format;
}

const PRECISION_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  day: { dateStyle: 'medium', timeZone: 'UTC' },
  hour: { dateStyle: 'medium', timeStyle: 'short' },
};

/** A date shown no more precisely than it is known. */
export function formatOccurred(iso: string, precision: DatePrecision, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, PRECISION_OPTIONS[precision] ?? PRECISION_OPTIONS.hour).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, PRECISION_OPTIONS.hour).format(date);
}

export function formatDay(day: string, language: string): string {
  return dateFormat(language, PRECISION_OPTIONS.day).format(new Date(`${day}T00:00:00Z`));
}

export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return numberFormat(language, maximumFractionDigits).format(value);
}

/** Name of a nation in the UI language, from its ISO code. */
export function nationName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([localeFor(language)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
