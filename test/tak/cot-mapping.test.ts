import { CoT } from './tak-library.js';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/contracts/incident.js';
import type { Post } from '../../src/contracts/organisation.js';
import type { Patrol } from '../../src/contracts/patrol.js';
import { alertToCot } from '../../src/tak/cot-alert.js';
import { cotXml, type CotEvent } from '../../src/tak/cot-event.js';
import { incidentToCot } from '../../src/tak/cot-incident.js';
import { eventTypeOfCot, inboundKind } from '../../src/tak/cot-inbound.js';
import { parseCot } from '../../src/tak/cot-parse.js';
import { positionToCot } from '../../src/tak/cot-position.js';
import { postToCot } from '../../src/tak/cot-post.js';
import { axisToCot, patrolRouteToCot } from '../../src/tak/cot-route.js';

const now = new Date('2026-12-04T10:00:00.000Z');

const incident: Incident = {
  id: 'inc-1f2e',
  version: 2,
  owner: 'ML',
  releasableTo: ['SN'],
  occurredAt: '2026-11-30T06:00:00.000Z',
  datePrecision: 'hour',
  location: { lat: 14.45511, lon: -12.19945 },
  geoPrecision: 'near',
  placeName: 'Diboli <pont> & "gué"',
  eventType: 'Battles',
  subEventType: 'Armed clash',
  actors: ['JNIM'],
  fatalities: 2,
  injured: null,
  abducted: null,
  narrative: 'Échange de tirs près du pont.',
  source: { kind: 'patrol', name: null, reliability: 'B', credibility: 2 },
  status: 'unverified',
  section: 'ML-SN-03',
  createdAt: '2026-11-30T07:00:00.000Z',
  updatedAt: '2026-11-30T07:00:00.000Z',
  createdBy: 'u1',
};

const post: Post = {
  id: 'post-9',
  nation: 'SN',
  owner: 'SN',
  releasableTo: ['ML'],
  name: 'Kidira',
  kind: 'border_post',
  location: { lat: 14.45668, lon: -12.21659 },
  section: null,
};

const patrol = {
  id: 'pat-3',
  name: 'Falémé Nord',
  owner: 'ML',
  releasableTo: ['MR', 'SN'],
  status: 'underway',
  route: {
    type: 'LineString',
    coordinates: [
      [-12.2, 14.45],
      [-12.1, 14.5],
      [-12.0, 14.55],
    ],
  },
  plannedStart: '2026-12-04T06:00:00.000Z',
  plannedEnd: '2026-12-04T18:00:00.000Z',
} as unknown as Patrol;

/** A point's longitude and latitude (the reader adds the height). */
const lonLat = (feature: { geometry: unknown }) => (feature.geometry as { coordinates: number[] }).coordinates.slice(0, 2);

/** What a TAK reader makes of an event Diboli wrote. */
function readBack(event: CotEvent) {
  const feature = new CoT(cotXml(event)).to_geojson();
  return { feature, props: feature.properties as Record<string, unknown> };
}

describe('CoT events the node writes, read by a TAK library', () => {
  it('an incident keeps its uid (with its id), type, how, point, time and remarks with the marking', () => {
    const event = incidentToCot(incident, now);
    expect(event.type).toBe('a-h-G-U-C');
    expect(event.how).toBe('h-t');
    const { feature, props } = readBack(event);
    expect(feature.id).toContain(incident.id);
    expect(props.type).toBe('a-h-G-U-C');
    expect(props.how).toBe('h-t');
    expect(props.time).toBe(now.toISOString());
    expect(props.start).toBe(incident.occurredAt);
    expect(lonLat(feature)).toEqual([-12.19945, 14.45511]);
    expect(props.remarks).toContain('ML REL SN');
    expect(props.remarks).toContain('Diboli <pont> & "gué"');
    expect(props.remarks).toContain('Échange de tirs');
    expect(props.callsign).toBe('Armed clash — Diboli <pont> & "gué"');
  });

  it('status and event type choose how and type; a national record is marked national', () => {
    expect(incidentToCot({ ...incident, status: 'confirmed' }, now).how).toBe('h-e');
    expect(incidentToCot({ ...incident, status: 'refuted' }, now).how).toBe('h-g-i-g-o');
    expect(incidentToCot({ ...incident, eventType: 'Border activity', subEventType: 'Smuggling' }, now).type).toBe('a-s-G');
    expect(incidentToCot({ ...incident, releasableTo: [] }, now).detail.remarks).toMatch(/^ML NATIONAL/);
  });

  it('a post, an axis, a planned route and a position read back with their meaning', () => {
    const p = readBack(postToCot(post, now));
    expect(p.props.type).toBe('a-f-G-I-B');
    expect(p.props.callsign).toBe('Kidira');
    expect(p.props.remarks).toContain('SN REL ML');

    const axis = readBack(axisToCot({ id: 'N1', name: 'N1 Kayes', nations: ['ML', 'SN'], geometry: patrol.route! }, now));
    expect(axis.feature.geometry).toMatchObject({
      type: 'LineString',
      coordinates: [
        [-12.2, 14.45],
        [-12.1, 14.5],
        [-12.0, 14.55],
      ],
    });

    const route = readBack(patrolRouteToCot(patrol, now)!);
    expect(route.props.type).toBe('b-m-r');
    expect(route.props.remarks).toContain('ML REL MR SN');
    expect(patrolRouteToCot({ ...patrol, route: null }, now)).toBeUndefined();

    const pli = readBack(positionToCot(patrol, { owner: 'ML', releasableTo: ['SN'] }, { at: '2026-12-04T09:59:00.000Z', lat: 14.5, lon: -12.1 }, now));
    expect(pli.props.type).toBe('a-f-G-U-C');
    expect(pli.props.how).toBe('m-g');
    expect(pli.props.remarks).toMatch(/^ML REL SN/);
    expect(lonLat(pli.feature)).toEqual([-12.1, 14.5]);
  });

  it('an alert with a place is a geofence alert; its cancel deletes the same uid; one without a place is not sent', () => {
    const alert = {
      id: 'al-1',
      msgType: 'Alert',
      audience: 'SN',
      owner: 'ML',
      releasableTo: ['SN'],
      at: '2026-12-04T09:00:00.000Z',
      location: { lat: 14.4, lon: -12.2 },
      severity: 'high',
      headline: { fr: 'Incident près de la frontière', en: 'Incident near the border' },
    } as never;
    const event = alertToCot(alert, 'en', now)!;
    expect(readBack(event).props.type).toBe('b-a-g');
    const cancel = alertToCot({ id: 'al-2', msgType: 'Cancel', references: [{ identifier: 'al-1', sent: '' }] } as never, 'en', now)!;
    expect(cancel.type).toBe('t-x-d-d');
    expect(cancel.detail.parent?.uid).toBe(event.uid);
    expect(alertToCot({ ...(alert as object), location: null } as never, 'en', now)).toBeUndefined();
  });

  it('every event written parses back through the node’s own reader unchanged', () => {
    for (const event of [incidentToCot(incident, now), postToCot(post, now), patrolRouteToCot(patrol, now)!]) {
      const read = parseCot(cotXml(event));
      expect(read).toMatchObject({ uid: event.uid, type: event.type, time: event.time, remarks: event.detail.remarks });
    }
  });
});

describe('events a TAK library writes, read by the node', () => {
  it('a PLI, a marker and a chat are told apart', () => {
    const pli = new CoT({
      event: {
        _attributes: {
          version: '2.0',
          uid: 'ANDROID-1',
          type: 'a-f-G-U-C',
          how: 'm-g',
          time: now.toISOString(),
          start: now.toISOString(),
          stale: '2026-12-04T10:05:00.000Z',
        },
        point: { _attributes: { lat: 14.5, lon: -12.1, hae: 50, ce: 5, le: 9999999 } },
        detail: { contact: { _attributes: { callsign: 'FALCON' } } },
      },
    });
    const read = parseCot(pli.to_xml());
    expect(inboundKind(read)).toBe('pli');
    expect(read).toMatchObject({ uid: 'ANDROID-1', callsign: 'FALCON', point: { lat: 14.5, lon: -12.1 } });

    const marker = new CoT({
      event: {
        _attributes: {
          version: '2.0',
          uid: 'm-1',
          type: 'a-s-G',
          how: 'h-g-i-g-o',
          time: now.toISOString(),
          start: now.toISOString(),
          stale: '2026-12-05T10:00:00.000Z',
        },
        point: { _attributes: { lat: 14.6, lon: -12.0, hae: 0, ce: 9999999, le: 9999999 } },
        detail: { link: { _attributes: { uid: 'ANDROID-1', type: 'a-f-G-U-C', relation: 'p-p' } }, remarks: { _text: 'Pirogues & motos' } },
      },
    });
    const m = parseCot(marker.to_xml());
    expect(inboundKind(m)).toBe('marker');
    expect(m.remarks).toBe('Pirogues & motos');
    expect(eventTypeOfCot(m.type)).toBe('Border activity');
    expect(inboundKind({ type: 'b-t-f', parentUid: null })).toBe('chat');
    expect(inboundKind({ type: 'u-d-f', parentUid: null })).toBeNull();
  });
});
