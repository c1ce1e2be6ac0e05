import { instantOfDayOrTime } from '../kernel/instant.js';
import { DiboliError } from './errors.js';

/** The instant as the API stores it (ISO 8601 UTC), or a coded 400 naming the field. */
export function parseInstant(text: string, field: string): string {
  const ms = instantOfDayOrTime(text);
  if (ms === undefined) throw new DiboliError('ERR_BAD_DATE_TIME', { value: text.slice(0, 40) }, field);
  return new Date(ms).toISOString();
}
