import { ATOM_NAMESPACE } from './cap-message.js';
import { element, escapeXml } from './cap-xml.js';

export interface CapFeedEntry {
  /** The CAP identifier (becomes the entry id as a URN when not already a URI). */
  identifier: string;
  title: string;
  updated: Date;
  /** Where the CAP XML of this entry is served. */
  capHref: string;
  summary?: string;
}

export interface CapFeed {
  id: string;
  title: string;
  updated: Date;
  selfHref: string;
  author: string;
  entries: readonly CapFeedEntry[];
}

/** An Atom 1.0 feed listing CAP documents, newest first, each linked as `application/cap+xml`. */
export function buildCapAtomFeed(feed: CapFeed): string {
  const attribute = escapeXml;
  const entryId = (identifier: string): string => (/^[a-z][a-z0-9+.-]*:/i.test(identifier) ? identifier : `urn:cap:${identifier}`);
  const entries = [...feed.entries].sort((a, b) => b.updated.getTime() - a.updated.getTime());
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="${ATOM_NAMESPACE}" xml:lang="fr">\n`;
  xml += element('id', feed.id, '  ');
  xml += element('title', feed.title, '  ');
  xml += element('updated', feed.updated.toISOString(), '  ');
  xml += `  <link rel="self" type="application/atom+xml" href="${attribute(feed.selfHref)}"/>\n`;
  xml += `  <author>\n${element('name', feed.author, '    ')}  </author>\n`;
  for (const entry of entries) {
    xml += '  <entry>\n';
    xml += element('id', entryId(entry.identifier), '    ');
    xml += element('title', entry.title, '    ');
    xml += element('updated', entry.updated.toISOString(), '    ');
    xml += `    <link rel="alternate" type="application/cap+xml" href="${attribute(entry.capHref)}"/>\n`;
    xml += element('summary', entry.summary, '    ');
    xml += '  </entry>\n';
  }
  return `${xml}</feed>\n`;
}
