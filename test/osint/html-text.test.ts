import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToText } from '../../src/osint/html-text.js';

const page = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'news', 'kidira-arrests.html'), 'utf8');

describe('htmlToText', () => {
  it('keeps the article paragraphs and its publication day', () => {
    const { text, published, title } = htmlToText(page);
    expect(title).toMatch(/Kidira/);
    expect(published).toBe('2025-04-18');
    expect(text).toMatch(/ont arrêté mercredi trois passeurs à Kidira/);
    expect(text).toMatch(/\n\n/);
  });

  it('leaves out navigation, comments and footer', () => {
    const { text } = htmlToText(page);
    expect(text).not.toMatch(/embuscade/);
    expect(text).not.toMatch(/newsletter/);
    expect(text).not.toMatch(/Accueil/);
  });

  it('copes with a page without an article', () => {
    const result = htmlToText('<html><body><p>Bienvenue</p></body></html>');
    expect(result.text).toContain('Bienvenue');
    expect(result.published).toBeNull();
    expect(htmlToText('').text).toBe('');
  });
});
