/** `datetime-local` values are in the officer's local time; the API speaks ISO 8601 instants. */
export function localInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An unreadable value is passed through as typed, so that the node names the field. */
export function toInstant(localValue: string): string {
  const date = new Date(localValue);
  return Number.isNaN(date.getTime()) ? localValue : date.toISOString();
}

export function optionalCount(text: string): number | null {
  if (text.trim() === '') return null;
  return Number(text);
}
