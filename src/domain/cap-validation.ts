import type { LonLat } from '../kernel/geojson.js';
import { fieldError, type FieldError } from './errors.js';
import { closeRing, type CapMessage } from './cap-message.js';

function validLonLat(point: LonLat): boolean {
  return Number.isFinite(point[0]) && Number.isFinite(point[1]) && Math.abs(point[0]) <= 180 && Math.abs(point[1]) <= 90;
}

const CAP_TOKEN = /^[^\s,<&]+$/;

export function validateCapMessage(message: CapMessage): FieldError[] {
  const errors: FieldError[] = [];
  if (!message.identifier) errors.push(fieldError('identifier', 'required'));
  else if (!CAP_TOKEN.test(message.identifier)) errors.push(fieldError('identifier', 'invalid_characters'));
  if (!message.sender) errors.push(fieldError('sender', 'required'));
  else if (!CAP_TOKEN.test(message.sender)) errors.push(fieldError('sender', 'invalid_characters'));
  if (Number.isNaN(message.sent.getTime())) errors.push(fieldError('sent', 'not_a_date'));
  const offset = message.utcOffsetMinutes ?? 0;
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) errors.push(fieldError('utcOffsetMinutes', 'out_of_range'));
  if (message.scope === 'Restricted' && !message.restriction) errors.push(fieldError('restriction', 'required'));
  if (message.scope === 'Private' && !message.addresses) errors.push(fieldError('addresses', 'required'));
  // A Cancel (or an Ack, an Error) may stand alone: it refers to earlier messages instead.
  if (message.info.length === 0 && (message.msgType === 'Alert' || message.msgType === 'Update')) errors.push(fieldError('info', 'required'));
  if (message.msgType !== 'Alert' && (message.references?.length ?? 0) === 0) errors.push(fieldError('references', 'required'));
  message.info.forEach((info, i) => {
    for (const field of ['event', 'headline', 'description', 'instruction'] as const) {
      if (!info[field] || info[field].trim() === '') errors.push(fieldError(`info.${i}.${field}`, 'required'));
    }
    for (const field of ['effective', 'onset', 'expires'] as const) {
      const at = info[field];
      if (at && Number.isNaN(at.getTime())) errors.push(fieldError(`info.${i}.${field}`, 'not_a_date'));
    }
    if (info.areas.length === 0) errors.push(fieldError(`info.${i}.areas`, 'required'));
    info.areas.forEach((area, j) => {
      const at = `info.${i}.areas.${j}`;
      if (!area.description || area.description.trim() === '') errors.push(fieldError(`${at}.description`, 'required'));
      if ((area.polygons?.length ?? 0) + (area.circles?.length ?? 0) === 0) errors.push(fieldError(`${at}.polygons`, 'required'));
      area.polygons?.forEach((ring, k) => {
        if (!ring.every(validLonLat)) errors.push(fieldError(`${at}.polygons.${k}`, 'out_of_range'));
        else if (closeRing(ring).length < 4) errors.push(fieldError(`${at}.polygons.${k}`, 'polygon_too_short'));
      });
      area.circles?.forEach((circle, k) => {
        if (!validLonLat(circle.center)) errors.push(fieldError(`${at}.circles.${k}.center`, 'out_of_range'));
        if (!(Number.isFinite(circle.radiusKm) && circle.radiusKm >= 0)) {
          errors.push(fieldError(`${at}.circles.${k}.radiusKm`, 'must_not_be_negative'));
        }
      });
    });
  });
  return errors;
}
