import { DOMParser } from 'linkedom';
import type { Article } from './article.js';

export interface FeedEntry extends Article {
  url?: string;
}

/** The little of the DOM a feed needs (the project has no DOM typings on the server). */
interface XmlElement {
  tagName: string;
  textContent: string | null;
  children: Iterable<XmlElement>;
  getAttribute(name: string): string | null;
}

interface XmlDocument {
  documentElement: XmlElement | null;
  getElementsByTagName(name: string): Iterable<XmlElement>;
}

function textOf(element: XmlElement | null | undefined): string {
  return (element?.textContent ?? '').trim();
}

/** Feeds carry HTML in their descriptions; the extractor wants text. */
function stripTags(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*/g, '\n')
    .trim();
}

/** RFC 822 (RSS) or ISO 8601 (Atom) date → `YYYY-MM-DD` in UTC, or null. */
function dayOf(value: string): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

function child(element: XmlElement, ...names: string[]): XmlElement | null {
  for (const name of names) {
    const found = [...element.children].find((c) => c.tagName.toLowerCase() === name);
    if (found) return found;
  }
  return null;
}

/**
 * Entries of an RSS 2.0 or Atom document, as articles for the extractor. Throws on anything that
 * is neither, so that a feed answering an error page is reported rather than read as empty.
 */
export function parseFeed(xml: string): FeedEntry[] {
  const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as XmlDocument;
  const root = document.documentElement;
  const rootName = root?.tagName.toLowerCase();
  if (rootName === 'rss' || rootName === 'rdf:rdf') {
    return [...document.getElementsByTagName('item')].map((item) => {
      const description = textOf(child(item, 'content:encoded')) || textOf(child(item, 'description'));
      const link = textOf(child(item, 'link'));
      return {
        title: stripTags(textOf(child(item, 'title'))),
        text: stripTags(description),
        published: dayOf(textOf(child(item, 'pubdate', 'dc:date'))),
        url: link || undefined,
      };
    });
  }
  if (rootName === 'feed') {
    return [...document.getElementsByTagName('entry')].map((entry) => {
      const link = [...entry.children].find((c) => c.tagName.toLowerCase() === 'link' && (c.getAttribute('rel') ?? 'alternate') === 'alternate');
      const body = textOf(child(entry, 'content')) || textOf(child(entry, 'summary'));
      return {
        title: stripTags(textOf(child(entry, 'title'))),
        text: stripTags(body),
        published: dayOf(textOf(child(entry, 'published', 'updated'))),
        url: link?.getAttribute('href') ?? undefined,
      };
    });
  }
  throw new Error('not an RSS or Atom feed');
}
