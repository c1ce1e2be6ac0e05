/** Labels of the event types and sub-types in the officer's language (codes are English). */
import { SUB_EVENT_TYPE_FR, eventTypeName } from '../../../src/domain/event-type-names.js';

export function eventTypeLabel(code: string, language: string): string {
  return eventTypeName(code, language === 'fr' ? 'fr' : 'en');
}

export function subEventTypeLabel(code: string, language: string): string {
  return language === 'fr' ? (SUB_EVENT_TYPE_FR[code] ?? code) : code;
}
