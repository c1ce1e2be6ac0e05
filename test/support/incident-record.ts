import type { Incident } from '../../src/contracts/incident.js';

const AT = '2026-01-01T00:00:00.000Z';

/**
 * An incident as a node stores it: a national armed clash of its owner on the first day of 2026,
 * unverified, with nothing else known, and the fields a test names over it.
 */
export function incidentRecord(fields: Pick<Incident, 'id' | 'owner' | 'location'> & Partial<Incident>): Incident {
  return {
    releasableTo: [],
    version: 1,
    occurredAt: AT,
    datePrecision: 'day',
    geoPrecision: 'exact',
    placeName: null,
    section: null,
    eventType: 'Battles',
    subEventType: 'Armed clash',
    actors: [],
    fatalities: null,
    injured: null,
    abducted: null,
    narrative: null,
    source: { kind: 'other', name: null, reliability: null, credibility: null },
    status: 'unverified',
    createdAt: AT,
    updatedAt: AT,
    createdBy: null,
    ...fields,
  };
}
