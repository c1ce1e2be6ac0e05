import type { IncidentInput } from '../src/contracts/incident.js';
import { HOUR_MS } from '../src/kernel/durations.js';
import { DemoAuthenticators } from '../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../src/cli/demo-content.js';

const authenticators = new DemoAuthenticators();

/**
 * A session token of a demo user on a listening node, signed in as an officer would: password and,
 * for a user with a second factor, the code of the moment (a code is taken once per 30 s window).
 */
export async function demoToken(origin: string, username: string): Promise<string> {
  const code = authenticators.codeFor(username, new Date());
  const answer = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD, ...(code ? { code } : {}) }),
  });
  if (!answer.ok) throw new Error(`login of ${username}: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { token: string }).token;
}

/** An armed clash near Diboli an hour ago, released to Senegal: what the stream benches write. */
export function recentClashNearDiboli(): IncidentInput {
  return {
    occurredAt: new Date(Date.now() - HOUR_MS).toISOString(),
    location: { lat: 14.452, lon: -12.19 },
    eventType: 'Battles',
    subEventType: 'Armed clash',
    status: 'confirmed',
    releasableTo: ['SN'],
  };
}
