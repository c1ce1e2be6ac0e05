import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  buildCapAtomFeed,
  buildCapDocument,
  CAP_NAMESPACE,
  capMessageFromAlert,
  capPolygonAroundLine,
  escapeXml,
  formatCapDateTime,
  InvalidCapMessage,
  type CapMessage,
} from '../../src/domain/cap-document.js';

interface XmlElement {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}

function parse(xml: string): XmlElement {
  const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlElement };
  return document.documentElement;
}

const childrenOf = (element: XmlElement): XmlElement[] => Array.from(element.children);
const child = (element: XmlElement, name: string): XmlElement | undefined => childrenOf(element).find((c) => c.tagName === name);
const text = (element: XmlElement, name: string): string | undefined => child(element, name)?.textContent ?? undefined;

// linkedom's XML mode leaves entities in attribute values encoded; decode the five XML ones here.
const attribute = (element: XmlElement, name: string): string | undefined =>
  element
    .getAttribute(name)
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

// The parser is lenient, so the raw text is checked too: every `&` starts an entity, no stray `<`.
function expectWellEscaped(xml: string): void {
  expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  const textNodes = xml.match(/>[^<]*</g) ?? [];
  for (const node of textNodes) expect(node.slice(1, -1)).not.toMatch(/[<>]/);
}

/** Asserts the order of `names` among an element's children (others may sit between them). */
function expectOrder(element: XmlElement, names: string[]): void {
  const seen = childrenOf(element)
    .map((c) => c.tagName)
    .filter((name) => names.includes(name));
  const expected = [...seen].sort((a, b) => names.indexOf(a) - names.indexOf(b));
  expect(seen).toEqual(expected);
}

const ALERT_ORDER = [
  'identifier',
  'sender',
  'sent',
  'status',
  'msgType',
  'source',
  'scope',
  'restriction',
  'addresses',
  'code',
  'note',
  'references',
  'incidents',
  'info',
];
const INFO_ORDER = [
  'language',
  'category',
  'event',
  'responseType',
  'urgency',
  'severity',
  'certainty',
  'audience',
  'eventCode',
  'effective',
  'onset',
  'expires',
  'senderName',
  'headline',
  'description',
  'instruction',
  'web',
  'contact',
  'parameter',
  'resource',
  'area',
];
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

const message: CapMessage = {
  identifier: 'SN-ALERT-2025-0042',
  sender: 'ncc@diboli.sn.example',
  sent: new Date('2025-02-20T10:00:00Z'),
  status: 'Actual',
  msgType: 'Alert',
  scope: 'Public',
  info: [
    {
      event: 'Affrontement armé',
      responseTypes: ['Avoid', 'Monitor'],
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Likely',
      expires: new Date('2025-02-21T10:00:00Z'),
      senderName: 'Centre national de coordination — Sénégal',
      headline: 'Affrontement armé près de Kidira–Diboli',
      description: 'Tirs signalés à 6 km de l’axe N1 <RN1> ; « civils & bétail » évacués.\u0007',
      instruction: 'Évitez l’axe Kidira–Diboli jusqu’à nouvel ordre et suivez les consignes des forces de défense.',
      areas: [
        {
          description: 'Tronçon ML-SN-07 (Kidira–Diboli)',
          polygons: [
            [
              [-12.3, 14.4],
              [-12.1, 14.4],
              [-12.1, 14.5],
              [-12.3, 14.5],
            ],
          ],
          circles: [{ center: [-12.2168, 14.4533], radiusKm: 10 }],
        },
      ],
    },
  ],
};

describe('formatCapDateTime', () => {
  it.each([
    [0, '2025-02-20T10:00:00-00:00'],
    [60, '2025-02-20T11:00:00+01:00'],
    [-330, '2025-02-20T04:30:00-05:30'],
  ])('offset %i min → %s', (offset, expected) => {
    expect(formatCapDateTime(new Date('2025-02-20T10:00:00.789Z'), offset)).toBe(expected);
  });
});

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    [`"l'axe"`, '&quot;l&apos;axe&quot;'],
    ['bip\u0007\u0000', 'bip'],
    ['Kédougou – Kayes', 'Kédougou – Kayes'],
  ])('%j → %j', (raw, escaped) => {
    expect(escapeXml(raw)).toBe(escaped);
  });
});

describe('buildCapDocument', () => {
  const xml = buildCapDocument(message);
  const alert = parse(xml);
  const info = child(alert, 'info')!;
  const area = child(info, 'area')!;

  it('is a CAP 1.2 alert, well escaped', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(alert.tagName).toBe('alert');
    expect(alert.getAttribute('xmlns')).toBe(CAP_NAMESPACE);
    expect(CAP_NAMESPACE).toBe('urn:oasis:names:tc:emergency:cap:1.2');
    expectWellEscaped(xml);
  });

  it('carries the required alert elements in schema order', () => {
    expect(text(alert, 'identifier')).toBe('SN-ALERT-2025-0042');
    expect(text(alert, 'sender')).toBe('ncc@diboli.sn.example');
    expect(text(alert, 'status')).toBe('Actual');
    expect(text(alert, 'msgType')).toBe('Alert');
    expect(text(alert, 'scope')).toBe('Public');
    expectOrder(alert, ALERT_ORDER);
  });

  it('writes sent with a numeric offset and no fraction', () => {
    const sent = text(alert, 'sent')!;
    expect(sent).toMatch(DATE_TIME);
    expect(sent).toBe('2025-02-20T10:00:00-00:00');
    expect(text(info, 'expires')).toMatch(DATE_TIME);
  });

  it('carries the info block in French with category Security', () => {
    expect(text(info, 'language')).toBe('fr-FR');
    expect(text(info, 'category')).toBe('Security');
    expect(text(info, 'event')).toBe('Affrontement armé');
    expect(
      childrenOf(info)
        .filter((c) => c.tagName === 'responseType')
        .map((c) => c.textContent),
    ).toEqual(['Avoid', 'Monitor']);
    expect(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']).toContain(text(info, 'urgency'));
    expect(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']).toContain(text(info, 'severity'));
    expect(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']).toContain(text(info, 'certainty'));
    expect(text(info, 'headline')).toBe('Affrontement armé près de Kidira–Diboli');
    expect(text(info, 'instruction')).toMatch(/^Évitez l’axe/);
    expectOrder(info, INFO_ORDER);
  });

  it('gives back special characters intact and drops those XML cannot carry', () => {
    expect(text(info, 'description')).toBe('Tirs signalés à 6 km de l’axe N1 <RN1> ; « civils & bétail » évacués.');
  });

  it('closes the polygon, lat before lon, at least four points', () => {
    expect(text(area, 'areaDesc')).toBe('Tronçon ML-SN-07 (Kidira–Diboli)');
    const points = text(area, 'polygon')!.split(' ');
    expect(points.length).toBeGreaterThanOrEqual(4);
    expect(points[0]).toBe(points.at(-1));
    expect(points[0]).toBe('14.4,-12.3');
    for (const point of points) {
      const [lat, lon] = point.split(',').map(Number);
      expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
      expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
    }
  });

  it('writes a circle as "lat,lon radius"', () => {
    expect(text(area, 'circle')).toBe('14.4533,-12.2168 10');
  });

  it('keeps an already closed ring as it is', () => {
    const closed = buildCapDocument({
      ...message,
      info: [
        {
          ...message.info[0]!,
          areas: [
            {
              description: 'x',
              polygons: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
            },
          ],
        },
      ],
    });
    expect(text(child(child(parse(closed), 'info')!, 'area')!, 'polygon')).toBe('0,0 0,1 1,1 0,0');
  });

  it.each([
    ['an identifier with a space', { identifier: 'SN ALERT' }, 'identifier'],
    ['a sender with a comma', { sender: 'a,b' }, 'sender'],
    ['a restricted scope without restriction', { scope: 'Restricted' as const }, 'restriction'],
    ['a private scope without addresses', { scope: 'Private' as const }, 'addresses'],
    ['no info', { info: [] }, 'info'],
    ['an invalid date', { sent: new Date('nope') }, 'sent'],
    [
      'a polygon of two points',
      {
        info: [
          {
            ...message.info[0]!,
            areas: [
              {
                description: 'x',
                polygons: [
                  [
                    [0, 0],
                    [1, 1],
                  ],
                ] as [number, number][][],
              },
            ],
          },
        ],
      },
      'info.0.areas.0.polygons.0',
    ],
    ['an area without shape', { info: [{ ...message.info[0]!, areas: [{ description: 'x' }] }] }, 'info.0.areas.0.polygons'],
    ['no instruction', { info: [{ ...message.info[0]!, instruction: ' ' }] }, 'info.0.instruction'],
  ])('refuses %s, naming the field', (_what, change, field) => {
    let thrown: unknown;
    try {
      buildCapDocument({ ...message, ...change });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCapMessage);
    expect((thrown as InvalidCapMessage).errors.map((error) => error.field)).toContain(field);
  });
});

describe('capMessageFromAlert', () => {
  it('makes a public French CAP message with the level mapped to CAP severity', () => {
    const capMessage = capMessageFromAlert(
      {
        id: 'alert-9',
        severity: 'critical',
        event: 'Engin explosif improvisé',
        headline: 'Engin explosif sur l’axe Kayes–Diboli',
        description: 'Explosion signalée au PK 42.',
        instruction: 'Ne circulez pas sur l’axe ; signalez tout objet suspect.',
        raisedAt: new Date('2025-02-20T10:00:00Z'),
        area: { description: 'PK 42', circles: [{ center: [-11.3, 14.3], radiusKm: 5 }] },
      },
      { sender: 'ncc@diboli.ml.example', senderName: 'CNC Mali' },
    );
    const alert = parse(buildCapDocument(capMessage));
    const info = child(alert, 'info')!;
    expect(text(alert, 'scope')).toBe('Public');
    expect(text(info, 'severity')).toBe('Extreme');
    expect(text(info, 'urgency')).toBe('Immediate');
    expect(text(info, 'senderName')).toBe('CNC Mali');
    expect(text(child(info, 'area')!, 'circle')).toBe('14.3,-11.3 5');
  });
});

describe('buildCapAtomFeed', () => {
  const xml = buildCapAtomFeed({
    id: 'urn:diboli:sn:cap',
    title: 'Alertes CAP — Sénégal',
    updated: new Date('2025-02-20T12:00:00Z'),
    selfHref: 'https://diboli.sn.example/api/v1/alerts/cap.atom?lang=fr&limit=50',
    author: 'CNC Sénégal',
    entries: [
      { identifier: 'A-1', title: 'Première', updated: new Date('2025-02-19T08:00:00Z'), capHref: 'https://diboli.sn.example/api/v1/alerts/A-1/cap' },
      {
        identifier: 'A-2',
        title: 'Affrontement « Kidira » & Diboli',
        updated: new Date('2025-02-20T10:00:00Z'),
        capHref: 'https://diboli.sn.example/api/v1/alerts/A-2/cap',
        summary: 'Tirs <signalés>',
      },
    ],
  });
  const feed = parse(xml);
  const entries = childrenOf(feed).filter((c) => c.tagName === 'entry');

  it('is an Atom feed, well escaped', () => {
    expect(feed.tagName).toBe('feed');
    expect(xml).toContain('cap.atom?lang=fr&amp;limit=50"');
    expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expectWellEscaped(xml);
    expect(attribute(child(feed, 'link')!, 'href')).toBe('https://diboli.sn.example/api/v1/alerts/cap.atom?lang=fr&limit=50');
    expect(text(feed, 'updated')).toBe('2025-02-20T12:00:00.000Z');
  });

  it('lists entries newest first, each linking its CAP document', () => {
    expect(entries.map((entry) => text(entry, 'id'))).toEqual(['urn:cap:A-2', 'urn:cap:A-1']);
    expect(text(entries[0]!, 'title')).toBe('Affrontement « Kidira » & Diboli');
    expect(text(entries[0]!, 'summary')).toBe('Tirs <signalés>');
    const link = child(entries[0]!, 'link')!;
    expect(attribute(link, 'type')).toBe('application/cap+xml');
    expect(attribute(link, 'href')).toBe('https://diboli.sn.example/api/v1/alerts/A-2/cap');
  });
});

describe('capPolygonAroundLine', () => {
  it('gives a closed ring of at least four points around the line, within the radius', () => {
    const ring = capPolygonAroundLine(
      {
        type: 'LineString',
        coordinates: [
          [-12.0, 14.0],
          [-11.75, 14.0],
        ],
      },
      10,
    );
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring[0]).toEqual(ring.at(-1));
    const lats = ring.map(([, lat]) => lat);
    const lons = ring.map(([lon]) => lon);
    // 10 km is about 0.09° of latitude; the ring must enclose the line and stay near it.
    expect(Math.max(...lats)).toBeGreaterThan(14.08);
    expect(Math.max(...lats)).toBeLessThan(14.1);
    expect(Math.min(...lats)).toBeLessThan(13.92);
    expect(Math.min(...lons)).toBeLessThan(-12.0);
    expect(Math.max(...lons)).toBeGreaterThan(-11.75);
    const xml = buildCapDocument({
      ...message,
      info: [{ ...message.info[0]!, areas: [{ description: 'S1', polygons: [ring] }] }],
    });
    const points = text(child(child(parse(xml), 'info')!, 'area')!, 'polygon')!.split(' ');
    expect(points[0]).toBe(points.at(-1));
  });
});
