import type { DatePrecision } from '../api/types';

/**
 * The locale used for dates and numbers: the browser's own variant of the UI language when it has
 * one (fr-SN, fr-ML, en-GB…), otherwise a neutral one.
 */
export function localeFor(language: string): string {
  const preferred = navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === language);
  return preferred ?? (language === 'fr' ? 'fr-FR' : 'en-GB');
}

/** A date shown no more precisely than it is known. */
export function formatOccurred(iso: string, precision: DatePrecision, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = localeFor(language);
  const options: Intl.DateTimeFormatOptions =
    precision === 'year'
      ? { year: 'numeric', timeZone: 'UTC' }
      : precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : precision === 'day'
          ? { dateStyle: 'medium', timeZone: 'UTC' }
          : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits }).format(value);
}

/** Name of a nation in the UI language, from its ISO code. */
export function nationName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([localeFor(language)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
