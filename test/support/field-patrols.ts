import sharp from 'sharp';
import { expect } from 'vitest';
import { HOUR_MS } from '../../src/kernel/durations.js';
import type { DemoNode } from './demo-node.js';

let made = 0;

/** A national patrol of Mali led by lead.ml, under way on 2027-03-01, released to `releasableTo`. */
export async function underwayPatrol(demo: DemoNode, releasableTo: string[]): Promise<string> {
  const lead = (await demo.node.repos.users.findByUsername('lead.ml'))!.id;
  const created = await demo.call('POST', '/api/v1/patrols', {
    as: 'coord.ml',
    body: {
      name: `Patrouille de terrain ${++made}`,
      kind: 'national',
      unitIds: ['ml-gtia-diboli'],
      plannedStart: '2027-03-01T08:00:00Z',
      plannedEnd: '2027-03-01T18:00:00Z',
      releasableTo,
      leaderUserId: lead,
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const action of ['propose', 'approve']) expect((await demo.call('POST', `/api/v1/patrols/${id}/${action}`, { as: 'coord.ml' })).status).toBe(200);
  expect((await demo.call('POST', `/api/v1/patrols/${id}/start`, { as: 'lead.ml' })).status).toBe(200);
  return id;
}

/** An observation without a location, noted by the patrol's leader; its id. */
export async function observationOf(demo: DemoNode, patrolId: string): Promise<string> {
  const made = await demo.call('POST', `/api/v1/patrols/${patrolId}/observations`, {
    as: 'lead.ml',
    body: { at: '2027-03-01T10:00:00.000Z', eventType: 'Strategic developments', text: 'Pirogue sur la Falémé' },
  });
  expect(made.status).toBe(201);
  return made.body.id as string;
}

/** Sends a photo's bytes as they are, with the content type a device would claim. */
export async function sendPhoto(demo: DemoNode, patrolId: string, observationId: string, bytes: Buffer | string, contentType = 'image/jpeg', as = 'lead.ml') {
  const response = await demo.app.inject({
    method: 'POST',
    url: `/api/v1/patrols/${patrolId}/observations/${observationId}/photos`,
    headers: { authorization: `Bearer ${await demo.token(as)}`, 'content-type': contentType },
    payload: bytes,
  });
  return { status: response.statusCode, body: response.json() };
}

export async function fetchPhoto(demo: DemoNode, sha256: string, as: string) {
  return demo.app.inject({ method: 'GET', url: `/api/v1/photos/${sha256}`, headers: { authorization: `Bearer ${await demo.token(as)}` } });
}

/** A small camera JPEG whose EXIF names the device, its owner and where it was (near Diboli: 14.4551, -12.1995). */
export function cameraJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Terrain', Model: 'Phone X', Artist: 'Adj Diarra' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '14/1 27/1 1836/100', GPSLongitudeRef: 'W', GPSLongitude: '12/1 11/1 5820/100' },
    })
    .toBuffer();
}

export function plainPng(size = 12): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: 'white' } })
    .png()
    .toBuffer();
}

/**
 * A national patrol of Mali on the RN1 axis, led by lead.ml, planned from now for 8 hours and
 * taken through `actions` by coord.ml (released as the mechanism's default unless `releasableTo`);
 * its id and code.
 */
export async function axisPatrolFromNow(
  demo: DemoNode,
  { releasableTo, actions }: { releasableTo?: string[]; actions: readonly string[] },
): Promise<{ id: string; code: string }> {
  const now = demo.node.clock.now();
  const leader = (await demo.node.repos.users.findByUsername('lead.ml'))!;
  const created = await demo.call('POST', '/api/v1/patrols', {
    as: 'coord.ml',
    body: {
      name: 'Patrouille TAK',
      kind: 'national',
      unitIds: ['ml-gend-kayes'],
      axisId: 'N1-RN1-TAMBACOUNDA-KAYES',
      plannedStart: now.toISOString(),
      plannedEnd: new Date(now.getTime() + 8 * HOUR_MS).toISOString(),
      leaderUserId: leader.id,
      ...(releasableTo ? { releasableTo } : {}),
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const action of actions) await demo.call('POST', `/api/v1/patrols/${id}/${action}`, { as: 'coord.ml' });
  return { id, code: created.body.code as string };
}
