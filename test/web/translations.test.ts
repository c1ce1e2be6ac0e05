import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.js';
import { enField } from '../../web/src/i18n/en-field.js';
import { enNews } from '../../web/src/i18n/en-news.js';
import { enTasks } from '../../web/src/i18n/en-tasks.js';
import { fr } from '../../web/src/i18n/fr.js';
import { frField } from '../../web/src/i18n/fr-field.js';
import { frNews } from '../../web/src/i18n/fr-news.js';
import { frTasks } from '../../web/src/i18n/fr-tasks.js';

// Every text the UI asks for by a literal key exists in both working languages (a missing key
// shows its code to the officer).
const sources = import.meta.glob('../../web/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function has(table: unknown, key: string): boolean {
  const path = key.split('.');
  const last = path.pop()!;
  let node = table as Record<string, unknown> | undefined;
  for (const part of path) node = node?.[part] as Record<string, unknown> | undefined;
  if (!node) return false;
  return last in node || `${last}_one` in node || `${last}_other` in node;
}

describe('translations', () => {
  const keys = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) keys.add(match[1]!);
  }

  it('finds the keys the UI uses', () => {
    expect(keys.size).toBeGreaterThan(150);
  });

  it.each([
    // The field app's texts are a table of their own (its page loads no other), keyed under `field`.
    ['fr', { ...fr, ...frNews, ...frTasks, ...frField }],
    ['en', { ...en, ...enNews, ...enTasks, ...enField }],
  ])('has every literal key in %s', (_language, table) => {
    expect([...keys].filter((key) => !has(table, key))).toEqual([]);
  });

  it('names the levels as the node does: one French name for "medium"', () => {
    expect(fr.threat.medium).toBe('Modéré');
    expect(en.threat.medium).toBe('Medium');
  });
});
