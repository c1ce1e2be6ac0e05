import { describe, expect, it } from 'vitest';
import { buildCapDocument, capCancelMessage, capMessageFromAlert, type PublicAlert } from '../../src/domain/cap-document.js';
import { capSchemaErrors } from '../support/cap-schema.js';

// Every kind of CAP document the node writes — an alert, its Update, its Cancel — checked against
// the CAP 1.2 structure with libxml2's XML Schema validator, beside the rules `validateCapMessage`
// applies as each document is built.

const origin = { sender: 'ncc-ml@ml-sn-kayes.diboli', senderName: 'Centre national de coordination (ML)' };
const alert: PublicAlert = {
  id: 'a1',
  severity: 'high',
  event: 'Incident de sécurité',
  headline: 'Affrontement à 2,1 km de N1/RN1 <Kidira–Diboli> & environs',
  description: 'Affrontement signalé. Tronçon ML-SN-02.',
  instruction: 'Évitez la zone.',
  raisedAt: new Date('2027-03-01T10:00:00Z'),
  responseTypes: ['Avoid', 'Monitor'],
  expiresAt: new Date('2027-03-03T10:00:00Z'),
  area: {
    description: 'Tronçon frontalier ML-SN-02',
    circles: [{ center: [-12.19, 14.452], radiusKm: 10 }],
    polygons: [
      [
        [-12.3, 14.4],
        [-12.1, 14.4],
        [-12.1, 14.5],
        [-12.3, 14.5],
      ],
    ],
  },
};

describe('CAP documents against the CAP 1.2 schema', () => {
  it('accepts an alert, its Update and its Cancel', () => {
    const first = buildCapDocument(capMessageFromAlert(alert, origin));
    const update = buildCapDocument(
      capMessageFromAlert({ ...alert, id: 'a2', raisedAt: new Date('2027-03-01T11:00:00Z'), replaces: [{ identifier: 'a1', sent: alert.raisedAt }] }, origin),
    );
    const cancel = buildCapDocument(
      capCancelMessage(
        {
          id: 'a3',
          sent: new Date('2027-03-01T12:00:00Z'),
          references: [
            { identifier: 'a1', sent: alert.raisedAt },
            { identifier: 'a2', sent: new Date('2027-03-01T11:00:00Z') },
          ],
        },
        origin,
      ),
    );
    for (const document of [first, update, cancel]) expect(capSchemaErrors(document)).toEqual([]);
    expect(update).toContain('<msgType>Update</msgType>');
    expect(update).toContain('<references>ncc-ml@ml-sn-kayes.diboli,a1,2027-03-01T10:00:00-00:00</references>');
    expect(cancel).toContain(
      '<references>ncc-ml@ml-sn-kayes.diboli,a1,2027-03-01T10:00:00-00:00 ncc-ml@ml-sn-kayes.diboli,a2,2027-03-01T11:00:00-00:00</references>',
    );
  });

  it('refuses documents out of the standard: elements out of order, a value not listed, a date-time in Z', () => {
    const valid = buildCapDocument(capMessageFromAlert(alert, origin));
    const outOfOrder = valid.replace(/( {2}<status>[^<]*<\/status>\n)( {2}<msgType>[^<]*<\/msgType>\n)/, '$2$1');
    const unlisted = valid.replace('<urgency>Immediate</urgency>', '<urgency>Soon</urgency>');
    const zulu = valid.replace(/<sent>([^<]*)-00:00<\/sent>/, '<sent>$1Z</sent>');
    for (const broken of [outOfOrder, unlisted, zulu]) {
      expect(broken).not.toBe(valid);
      expect(capSchemaErrors(broken).length).toBeGreaterThan(0);
    }
  });
});
