/**
 * Main text of an HTML page with Readability (on a linkedom document): the article without
 * navigation, teasers or comment threads. Loaded only for HTML input, to keep start-up light.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface PageText {
  title: string;
  text: string;
  /** `article:published_time` or similar metadata, `YYYY-MM-DD`, when the page has it. */
  published: string | null;
}

type PageDocument = ReturnType<typeof parseHTML>['document'];
type ReadableDocument = ConstructorParameters<typeof Readability>[0];

function metaPublished(document: PageDocument): string | null {
  const selectors = ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]', 'time[datetime]'];
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute('content') ?? element?.getAttribute('datetime');
    const match = /^(\d{4}-\d{2}-\d{2})/.exec(value ?? '');
    if (match) return match[1]!;
  }
  return null;
}

/** Block elements end lines, so that paragraphs stay paragraphs in the text. */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll('p, div, li, h1, h2, h3, h4, h5, h6, br, blockquote, tr')) {
    element.appendChild(document.createTextNode('\n'));
  }
  return (document.body.textContent ?? '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n\n')
    .trim();
}

export function htmlToText(html: string): PageText {
  if (!/<\w/.test(html)) return { title: '', text: html.trim(), published: null };
  const { document } = parseHTML(html);
  const published = metaPublished(document);
  // Comment sections are never part of the article, even when Readability would keep them.
  for (const element of document.querySelectorAll('[id*="comment" i], [class*="comment" i], [id*="respond" i], nav, footer, aside, form')) {
    element.remove();
  }
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(document as unknown as ReadableDocument).parse();
  } catch {
    // A fragment without <html>: fall back on its text below.
  }
  if (parsed?.content) {
    return { title: parsed.title ?? '', text: blockText(parsed.content), published };
  }
  const title = document.querySelector('title')?.textContent ?? '';
  return { title: title.trim(), text: blockText(document.body?.innerHTML ?? ''), published };
}
