import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ruleSummary } from '../../web/src/alerts/ruleSummary.js';
import type { AlertRuleDefinition } from '../../web/src/api/types.js';
import { en } from '../../web/src/i18n/en.js';
import { fr } from '../../web/src/i18n/fr.js';

const translator = i18next.createInstance();

beforeAll(async () => {
  // Numbers are formatted for the browser's languages; Node 20 has no navigator.
  vi.stubGlobal('navigator', { languages: [] });
  await translator.init({ resources: { fr: { translation: fr }, en: { translation: en } }, lng: 'fr', interpolation: { escapeValue: false } });
});

afterAll(() => vi.unstubAllGlobals());

const near: AlertRuleDefinition = {
  id: 'rn1',
  kind: 'incident-near',
  eventTypes: ['Battles', 'Border activity'],
  target: { kind: 'axis', id: 'rn1', name: 'RN1 Kayes–Diboli' },
  withinKm: 7.5,
};

describe('ruleSummary', () => {
  it.each<[string, AlertRuleDefinition, 'fr' | 'en', string]>([
    ['incident near an axis, French', near, 'fr', 'Combats, Activité frontalière à moins de 7,5 km de l’axe RN1 Kayes–Diboli'],
    ['incident near an axis, English', near, 'en', 'Battles, Border activity within 7.5 km of axis RN1 Kayes–Diboli'],
    [
      'incident near a section named by id only',
      { id: 's7', kind: 'incident-near', eventTypes: ['Riots'], target: { kind: 'section', id: 'ML-SN-07' }, withinKm: 25 },
      'fr',
      'Émeutes à moins de 25 km de la section ML-SN-07',
    ],
    ['level rising anywhere, default level', { id: 'lv', kind: 'level-rising' }, 'fr', 'Une section (toutes les sections) passe au niveau Modéré ou plus'],
    [
      'level rising in two sections',
      { id: 'lv2', kind: 'level-rising', sections: ['ML-SN-07', 'ML-SN-08'], minLevel: 'critical' },
      'en',
      'A section (ML-SN-07, ML-SN-08) reaches level Critical or above',
    ],
    ['patrol overdue', { id: 'late', kind: 'patrol-overdue', graceMinutes: 90 }, 'fr', 'Patrouille sans nouvelles 90 min après l’heure prévue'],
    ['news of any type, default severity', { id: 'press', kind: 'news-severity' }, 'en', 'Press article of severity High or above (any type)'],
  ])('%s', async (_, rule, language, expected) => {
    await translator.changeLanguage(language);
    expect(ruleSummary(rule, translator.t, language)).toBe(expected);
  });
});
