import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { openBrowser, type Browser } from './browser.js';
import { authenticators } from './session.js';

// Helpers of the field app's tests: a patrol planned for lead.ml, the app on a phone or tablet
// whose receiver the test drives, and what the node holds once the app has sent everything.

export const PHONE = { width: 390, height: 844 };
export const POSITIONS = 200;
const INTERVAL_S = 30;
// The walk starts on the N1 near the Falémé, inside the mechanism's area.
export const START = { lat: 14.45511, lon: -12.19945 };

/**
 * The receiver's fixes come from Chromium (context.setGeolocation); their times are the test's, one
 * per chosen interval and all in the past, so that 200 fixes do not take 100 minutes.
 */
const FIX_TIMES = `(() => {
  const geolocation = navigator.geolocation;
  if (!geolocation) return;
  const watch = geolocation.watchPosition.bind(geolocation);
  const first = Date.now() - ${POSITIONS + 2} * ${INTERVAL_S * 1000};
  let fixes = 0;
  geolocation.watchPosition = (success, failure, options) =>
    watch((position) => success({ coords: position.coords, timestamp: first + ++fixes * ${INTERVAL_S * 1000} }), failure, options);
})();`;

export async function api<T>(origin: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const answer = await fetch(`${origin}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  return { status: answer.status, body: (text ? JSON.parse(text) : null) as T };
}

// Each login of a coordinator takes an authenticator code, two a step at most: one session each
// for the whole file (sessions live in the node's data, so they outlast a restart).
const sessions = new Map<string, string>();

export async function logInApi(origin: string, username: string): Promise<string> {
  const held = sessions.get(username);
  if (held) return held;
  const code = authenticators.codeFor(username, new Date());
  const answer = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD, ...(code ? { code } : {}) }),
  });
  expect(answer.status).toBe(200);
  const { token } = (await answer.json()) as { token: string };
  sessions.set(username, token);
  return token;
}

/** An approved national patrol of today, led by lead.ml: what the field app lists and starts. */
export async function planPatrol(origin: string, name: string): Promise<{ id: string; code: string; name: string }> {
  const coordinator = await logInApi(origin, 'coord.ml');
  const leader = (await api<{ id: string }>(origin, await logInApi(origin, 'lead.ml'), 'GET', '/api/v1/me')).body;
  const now = Date.now();
  const created = await api<{ id: string; code: string }>(origin, coordinator, 'POST', '/api/v1/patrols', {
    name,
    kind: 'national',
    unitIds: ['ml-gend-kayes'],
    plannedStart: new Date(now - 3_600_000).toISOString(),
    plannedEnd: new Date(now + 6 * 3_600_000).toISOString(),
    leaderUserId: leader.id,
  });
  expect(created.status).toBe(201);
  for (const action of ['propose', 'approve']) {
    expect((await api(origin, coordinator, 'POST', `/api/v1/patrols/${created.body.id}/${action}`, {})).status).toBe(200);
  }
  return { ...created.body, name };
}

export interface Held {
  positions: number;
  observations: number;
  photos: string[];
  debrief: string | null;
  status: string;
}

/** What the node holds of the patrol, as its owner nation's coordinator reads it. */
export async function heldByNode(origin: string, patrolId: string): Promise<Held> {
  const token = await logInApi(origin, 'coord.ml');
  const track = await api<{ properties: { positions: number } }>(origin, token, 'GET', `/api/v1/patrols/${patrolId}/track`);
  const observations = await api<{ photos: { sha256: string }[] }[]>(origin, token, 'GET', `/api/v1/patrols/${patrolId}/observations`);
  const patrol = await api<{ debrief: string | null; status: string }>(origin, token, 'GET', `/api/v1/patrols/${patrolId}`);
  return {
    positions: track.body.properties.positions,
    observations: observations.body.length,
    photos: observations.body.flatMap((observation) => observation.photos.map((photo) => photo.sha256)),
    debrief: patrol.body.debrief,
    status: patrol.body.status,
  };
}

export async function waiting(page: Page): Promise<number> {
  return Number(await page.getByTestId('waiting').getAttribute('data-count'));
}

/** A camera's photo, large (2400 × 1800) and different each time, as the page's file input receives it. */
export async function cameraPhoto(page: Page, hue: number): Promise<Buffer> {
  const base64 = (await page.evaluate(`(async () => {
    const canvas = new OffscreenCanvas(2400, 1800);
    const context = canvas.getContext('2d');
    context.fillStyle = 'hsl(${hue}, 70%, 45%)';
    context.fillRect(0, 0, 2400, 1800);
    context.fillStyle = '#fff';
    context.font = '300px sans-serif';
    context.fillText('photo ${hue}', 200, 1000);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return btoa(text);
  })()`)) as string;
  return Buffer.from(base64, 'base64');
}

export async function openFieldApp(origin: string, viewport = PHONE): Promise<Browser> {
  const browser = await openBrowser(origin, viewport);
  await browser.context.grantPermissions(['geolocation'], { origin });
  await browser.context.setGeolocation({ latitude: START.lat, longitude: START.lon, accuracy: 10 });
  await browser.context.addInitScript(FIX_TIMES);
  return browser;
}

/** Logs lead.ml in through the app's own form. */
export async function logInField(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/field/`);
  await page.locator('#field-username').fill('lead.ml');
  await page.locator('#field-password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

/** The app's controls in view smaller than a gloved finger (48 × 48 CSS px), named. */
export async function smallTargets(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll('button, select, textarea, input:not([type=radio]):not([type=file]), .field-intervals label, .field-photo-button')]
    .map((element) => ({ element, box: element.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && (box.width < 48 || box.height < 48))
    .map(({ element, box }) => element.tagName + ' ' + (element.textContent || element.id).trim() + ' ' + Math.round(box.width) + '×' + Math.round(box.height))`)) as string[];
}
