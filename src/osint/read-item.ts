import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Article } from './article.js';

const MAX_BYTES = 20 * 1024 * 1024;

/** A news item that could not be read (`read`: the file itself; `parse`: its content). */
export class UnreadableItem extends Error {
  constructor(
    readonly stage: 'read' | 'parse',
    message: string,
  ) {
    super(message);
  }
}

export interface ItemOptions {
  /** Publication day for text and HTML files, or to override a JSON item's. */
  published?: string;
  title?: string;
  /** For the file name `-`. */
  readStdin?: () => Promise<string>;
}

function itemFromJson(text: string): Article {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UnreadableItem('parse', 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UnreadableItem('parse', 'the JSON item must be an object');
  const item = value as Record<string, unknown>;
  if (typeof item.text !== 'string') throw new UnreadableItem('parse', 'the JSON item has no "text" string');
  if (item.published !== undefined && item.published !== null && typeof item.published !== 'string') {
    throw new UnreadableItem('parse', '"published" must be a YYYY-MM-DD string or null');
  }
  return {
    published: typeof item.published === 'string' ? item.published.slice(0, 10) : null,
    title: typeof item.title === 'string' ? item.title : '',
    text: item.text,
    ...(typeof item.lang === 'string' ? { lang: item.lang } : {}),
    ...(typeof item.url === 'string' ? { url: item.url } : {}),
  };
}

/** Control characters in quantity mean a binary file, which reads as an empty article. */
function isBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8000);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/**
 * One news item from a file: a JSON item `{published, title, text, lang?, url?}`, an HTML page
 * (main text by Readability) or a plain-text scrape, by its extension; `-` reads JSON from stdin.
 */
export async function readNewsItem(file: string, options: ItemOptions = {}): Promise<Article> {
  let bytes: Buffer;
  try {
    if (file === '-') {
      bytes = Buffer.from(options.readStdin ? await options.readStdin() : '', 'utf8');
    } else {
      const info = await stat(file);
      if (!info.isFile()) throw new UnreadableItem('read', 'not a file');
      if (info.size > MAX_BYTES) throw new UnreadableItem('read', `larger than ${MAX_BYTES / 1024 / 1024} MB`);
      bytes = await readFile(file);
    }
  } catch (error) {
    if (error instanceof UnreadableItem) throw error;
    throw new UnreadableItem('read', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message));
  }

  const { published, title } = options;
  const kind = file === '-' ? '.json' : extname(file).toLowerCase();
  try {
    if (isBinary(bytes)) return { published: published ?? null, title: '', text: '' };
    if (kind === '.json') {
      const article = itemFromJson(bytes.toString('utf8'));
      if (published !== undefined) article.published = published;
      return article;
    }
    if (kind === '.html' || kind === '.htm') {
      const { htmlToText } = await import('./html-text.js');
      const page = htmlToText(bytes.toString('utf8'));
      return { published: published ?? page.published, title: title ?? page.title, text: page.text };
    }
    return { published: published ?? null, title: title ?? '', text: bytes.toString('utf8') };
  } catch (error) {
    if (error instanceof UnreadableItem) throw error;
    throw new UnreadableItem('parse', error instanceof Error ? error.message : String(error));
  }
}
