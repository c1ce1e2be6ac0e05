import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoAuthenticators } from '../../src/cli/demo-codes.js';
import { DEMO_PASSWORD } from '../../src/cli/demo-content.js';
import { addUser } from '../../src/services/auth-service.js';
import { fixedClock } from '../../src/kernel/clock.js';
import { diboli } from '../support/cli-in-process.js';
import { startDemoNode, type DemoNode } from '../support/demo-node.js';

const clock = fixedClock('2026-11-29T08:00:00.000Z');
const PASSWORD = 'calebasse marigot antilope';
let demo: DemoNode;
let from = 0;
beforeAll(async () => {
  demo = await startDemoNode({ clock });
  await addUser(demo.node, { username: 'binta.ml', nation: 'ML', role: 'coordinator', password: PASSWORD, displayName: 'Binta Sangaré' });
});
afterAll(async () => demo.close());

/** Each call from its own address, so that the address budget stays out of the way. */
async function post(url: string, payload: Record<string, unknown>) {
  const answer = await demo.app.inject({ method: 'POST', url, payload, remoteAddress: `198.51.100.${++from % 250}` });
  return { status: answer.statusCode, body: answer.json() };
}
const login = (payload: Record<string, unknown>) => post('/api/v1/auth/login', payload);
const codeAt = (secret: string, at: Date, steps = 0) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() + steps * 30_000 });
const me = (token: string) => demo.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

describe('second factor for coordinators and administrators', () => {
  it('asks an enrolled coordinator for a code, takes the right one once, and refuses it again', async () => {
    expect(await login({ username: 'coord.ml', password: DEMO_PASSWORD })).toMatchObject({
      status: 401,
      body: { code: 'ERR_SECOND_FACTOR_REQUIRED', field: 'code' },
    });
    expect(await login({ username: 'coord.ml', password: DEMO_PASSWORD, code: '000000' })).toMatchObject({
      status: 401,
      body: { code: 'ERR_BAD_SECOND_FACTOR' },
    });
    const code = new DemoAuthenticators().codeFor('coord.ml', clock.now())!;
    const first = await login({ username: 'coord.ml', password: DEMO_PASSWORD, code });
    expect(first.status).toBe(200);
    expect((await me(first.body.token)).statusCode).toBe(200);
    expect(await login({ username: 'coord.ml', password: DEMO_PASSWORD, code })).toMatchObject({ status: 401, body: { code: 'ERR_BAD_SECOND_FACTOR' } });
    // A wrong password with a right code says nothing about the code.
    expect(await login({ username: 'coord.ml', password: 'pas le bon mot de passe', code })).toMatchObject({
      status: 401,
      body: { code: 'ERR_BAD_CREDENTIALS' },
    });
  });

  it('gives one session for one code sent twice at once', async () => {
    const code = codeAt('DEMOADMINMLDIBOLINODEKEYSBAMAKOO', clock.now());
    const answers = await Promise.all([1, 2].map(() => login({ username: 'admin.ml', password: DEMO_PASSWORD, code })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
  });

  it('lets other roles in with their password alone', async () => {
    expect((await login({ username: 'liaison.sn', password: DEMO_PASSWORD })).status).toBe(200);
  });

  let secret: string;
  let recoveryCodes: string[];

  it('sends a coordinator without a second factor to enrolment, and no session before it is confirmed', async () => {
    expect(await login({ username: 'binta.ml', password: PASSWORD })).toMatchObject({ status: 403, body: { code: 'ERR_SECOND_FACTOR_ENROLMENT_REQUIRED' } });
    expect(await post('/api/v1/auth/login/enrolment', { username: 'binta.ml', password: 'pas le bon mot de passe' })).toMatchObject({ status: 401 });
    const enrolment = await post('/api/v1/auth/login/enrolment', { username: 'binta.ml', password: PASSWORD });
    expect(enrolment.status).toBe(200);
    secret = enrolment.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.body.uri).toBe(`otpauth://totp/Diboli%20ML:binta.ml?issuer=Diboli%20ML&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
    // Still pending: the login keeps asking for enrolment.
    expect(await login({ username: 'binta.ml', password: PASSWORD, code: codeAt(secret, clock.now()) })).toMatchObject({ status: 403 });
    expect(await post('/api/v1/auth/login/enrolment/confirm', { username: 'binta.ml', password: PASSWORD, code: '123456' })).toMatchObject({
      status: 401,
      body: { code: 'ERR_BAD_SECOND_FACTOR' },
    });
    const confirmed = await post('/api/v1/auth/login/enrolment/confirm', { username: 'binta.ml', password: PASSWORD, code: codeAt(secret, clock.now()) });
    expect(confirmed.status).toBe(200);
    expect((await me(confirmed.body.token)).statusCode).toBe(200);
    recoveryCodes = confirmed.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    // Enrolled: a second enrolment is refused (the administrator resets), and the code used to confirm is spent.
    expect(await post('/api/v1/auth/login/enrolment', { username: 'binta.ml', password: PASSWORD })).toMatchObject({
      status: 409,
      body: { code: 'ERR_SECOND_FACTOR_ENROLLED' },
    });
    expect((await login({ username: 'binta.ml', password: PASSWORD, code: codeAt(secret, clock.now()) })).status).toBe(401);
    expect((await login({ username: 'binta.ml', password: PASSWORD, code: codeAt(secret, clock.now(), 1) })).status).toBe(200);
  });

  it('keeps the secret sealed and the recovery codes hashed in the database', () => {
    const raw = new Database(join(demo.dir, 'diboli.db'), { readonly: true });
    try {
      const dump = JSON.stringify([raw.prepare('select * from second_factors').all(), raw.prepare('select * from recovery_codes').all()]);
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain('DEMOCOORDMLDIBOLIKAYESBORDERMALI');
      for (const code of recoveryCodes) expect(dump).not.toContain(code.replace(/-/g, ''));
      expect(raw.prepare('select count(*) as n from recovery_codes').get()).toEqual({ n: 10 });
    } finally {
      raw.close();
    }
  });

  it('takes each recovery code once, written with or without dashes', async () => {
    const used = await login({ username: 'binta.ml', password: PASSWORD, code: recoveryCodes[0]!.toLowerCase().replace(/-/g, ' ') });
    expect(used).toMatchObject({ status: 200, body: { recoveryCodesLeft: 9 } });
    expect((await login({ username: 'binta.ml', password: PASSWORD, code: recoveryCodes[0] })).status).toBe(401);
  });

  it('counts wrong codes toward the login limit', async () => {
    clock.set('2026-11-29T08:10:00.000Z');
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await login({ username: 'binta.ml', password: PASSWORD, code: String(200000 + i) })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await login({ username: 'binta.ml', password: PASSWORD, code: recoveryCodes[1] })).status).toBe(429);
  });

  it('`diboli user reset-2fa` ends the sessions and makes the user enrol again', async () => {
    clock.set('2026-11-29T08:12:00.000Z');
    const session = await login({ username: 'binta.ml', password: PASSWORD, code: recoveryCodes[2] });
    expect(session.status).toBe(200);
    clock.set('2026-11-29T08:14:00.000Z');
    const reset = await diboli(['user', 'reset-2fa', '--data', demo.dir, '--username', 'binta.ml']);
    expect(reset).toMatchObject({ code: 0, stdout: expect.stringContaining('binta.ml') });
    expect((await me(session.body.token)).statusCode).toBe(401);
    expect(await login({ username: 'binta.ml', password: PASSWORD, code: recoveryCodes[3] })).toMatchObject({
      status: 403,
      body: { code: 'ERR_SECOND_FACTOR_ENROLMENT_REQUIRED' },
    });
    expect(await login({ username: 'binta.ml', password: PASSWORD, code: codeAt(secret, clock.now()) })).toMatchObject({ status: 403 });
    expect((await diboli(['user', 'reset-2fa', '--data', demo.dir, '--username', 'personne'])).code).toBe(1);
    expect((await diboli(['user', 'reset-2fa', '--data', demo.dir])).code).toBe(2);
  });
});
