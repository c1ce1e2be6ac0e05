import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/federation/backoff.js';
import { canonicalJson } from '../../src/federation/canonical-json.js';
import { asEnvelope, type Envelope } from '../../src/federation/envelope.js';
import { signEnvelope, verifyEnvelope } from '../../src/federation/envelope-signature.js';
import { lostAccess } from '../../src/domain/sovereignty.js';
import { mayApply, type LocalCopy } from '../../src/federation/may-apply.js';
import { generateNodeKeys, normalisePublicKey, parsePrivateKey, parsePublicKey, publicKeyOf } from '../../src/federation/node-keys.js';
import { releasePlan } from '../../src/federation/release-plan.js';
import { MemoryNonces, ReplayGuard } from '../../src/federation/replay-guard.js';
import { checkRequest, readStamp, signRequest, signResponse, verifyResponse } from '../../src/federation/request-signature.js';

const ml = generateNodeKeys();
const sn = generateNodeKeys();
const mlPrivate = parsePrivateKey(ml.privateKey);
const mlPublic = parsePublicKey(ml.publicKey)!;
const snPublic = parsePublicKey(sn.publicKey)!;

function envelope(overrides: Partial<Envelope> = {}, body: Record<string, unknown> = {}): Envelope {
  const unsigned = {
    origin: 'ML',
    kind: 'incident' as const,
    id: 'i-1',
    version: 2,
    releasableTo: ['SN'],
    body: { id: 'i-1', owner: 'ML', version: 2, releasableTo: ['SN'], narrative: 'Vol de bétail', ...body },
    signedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
  return signEnvelope(unsigned, mlPrivate);
}

describe('canonical JSON', () => {
  it.each([
    [{ b: 1, a: [2, { d: null, c: 'é' }] }, '{"a":[2,{"c":"é","d":null}],"b":1}'],
    [{ z: undefined, y: true }, '{"y":true}'],
    [[], '[]'],
    ['x"y', '"x\\"y"'],
  ])('writes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives equal objects built in different orders the same bytes', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it.each([NaN, Infinity])('refuses %s', (value) => {
    expect(() => canonicalJson({ n: value })).toThrow(TypeError);
  });
});

describe('node keys', () => {
  it('derives the published public key from the private key', () => {
    expect(publicKeyOf(mlPrivate)).toBe(ml.publicKey);
    expect(Buffer.from(ml.publicKey, 'base64')).toHaveLength(32);
  });

  it('accepts the SPKI spelling of a key and stores the raw one', () => {
    const spki = mlPublic.export({ format: 'der', type: 'spki' }).toString('base64');
    expect(normalisePublicKey(spki)).toBe(ml.publicKey);
  });

  it.each(['', 'not base64!', Buffer.alloc(31).toString('base64'), 'AAAA'])('rejects %j as a public key', (text) => {
    expect(parsePublicKey(text)).toBeUndefined();
  });
});

describe('envelope signature', () => {
  it('verifies with the origin key and not with another', () => {
    const signed = envelope();
    expect(verifyEnvelope(signed, mlPublic)).toBe(true);
    expect(verifyEnvelope(signed, snPublic)).toBe(false);
  });

  it.each<[string, (e: Envelope) => Envelope]>([
    ['body', (e) => ({ ...e, body: { ...(e.body as object), narrative: 'Rien' } })],
    ['releasability', (e) => ({ ...e, releasableTo: ['SN', 'MR'] })],
    ['origin', (e) => ({ ...e, origin: 'SN' })],
    ['version', (e) => ({ ...e, version: 3 })],
    ['signature', (e) => ({ ...e, signature: e.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })],
  ])('fails when the %s is changed', (_, tamper) => {
    expect(verifyEnvelope(tamper(envelope()), mlPublic)).toBe(false);
  });

  it('survives a round trip through JSON text', () => {
    const parsed = asEnvelope(JSON.parse(JSON.stringify(envelope())));
    expect(parsed && verifyEnvelope(parsed, mlPublic)).toBe(true);
  });

  it.each([
    null,
    [],
    { origin: 'ML' },
    { ...envelope(), version: 0 },
    { ...envelope(), origin: 'mali' },
    { ...envelope(), kind: 'user' },
    { ...envelope(), kind: 'retraction', body: { kind: 'user', id: 'x' } },
  ])('rejects the shape %j', (value) => {
    expect(asEnvelope(value)).toBeUndefined();
  });
});

describe('mayApply', () => {
  const context = { self: 'SN', peer: 'ML' };
  const retraction = envelope({ kind: 'retraction', id: 'incident:i-1', version: 3, body: { kind: 'incident', id: 'i-1' } });
  const cases: [string, Envelope, LocalCopy | undefined, string][] = [
    ['a new record', envelope(), undefined, 'upsert'],
    ['a newer version', envelope(), { owner: 'ML', version: 1 }, 'upsert'],
    ['the same version again', envelope(), { owner: 'ML', version: 2 }, 'ignore'],
    ['an older version', envelope(), { owner: 'ML', version: 5 }, 'ignore'],
    [
      'a record from a nation other than the peer',
      envelope({ origin: 'MR', body: { id: 'i-1', owner: 'MR', version: 2, releasableTo: ['SN'] } }),
      undefined,
      'reject',
    ],
    [
      'a record not released to us',
      envelope({ releasableTo: ['MR'], body: { id: 'i-1', owner: 'ML', version: 2, releasableTo: ['MR'] } }),
      undefined,
      'reject',
    ],
    ['a record whose body names another owner', envelope({}, { owner: 'SN' }), undefined, 'reject'],
    ['a record whose body has another version', envelope({}, { version: 9 }), undefined, 'reject'],
    ['a record whose body widens releasability', envelope({}, { releasableTo: ['SN', 'MR'] }), undefined, 'reject'],
    ['a change to a record we own', envelope(), { owner: 'SN', version: 1 }, 'reject'],
    ['a retraction of our copy', retraction, { owner: 'ML', version: 2 }, 'delete'],
    ['a retraction of a copy we never had', retraction, undefined, 'ignore'],
    ['a retraction older than our copy', retraction, { owner: 'ML', version: 4 }, 'ignore'],
    ['a retraction of a record we own', retraction, { owner: 'SN', version: 1 }, 'reject'],
  ];
  it.each(cases)('%s → %s', (_, e, local, expected) => {
    expect(mayApply(e, local, context).action).toBe(expected);
  });

  it('refuses our own records coming back', () => {
    expect(mayApply(envelope(), undefined, { self: 'ML', peer: 'ML' })).toEqual({ action: 'reject', reason: 'own-record' });
  });
});

describe('lostAccess', () => {
  it.each([
    [['SN', 'MR'], ['SN'], ['MR']],
    [['SN'], ['SN', 'MR'], []],
    [['MR', 'SN'], [], ['MR', 'SN']],
    [[], [], []],
  ])('%j → %j loses %j', (before, after, lost) => {
    expect(lostAccess(before, after)).toEqual(lost);
  });
});

describe('releasePlan', () => {
  const record = { kind: 'incident' as const, id: 'i-1', owner: 'ML', version: 2, releasableTo: ['SN'], body: {} };
  const at = '2026-01-05T10:00:00.000Z';

  it('releases a new version to its nations', () => {
    expect(releasePlan('ML', record, undefined, at).map((e) => [e.kind, e.releasableTo])).toEqual([['incident', ['SN']]]);
  });

  it('retracts from the nations a narrowing removes', () => {
    expect(releasePlan('ML', record, ['MR', 'SN'], at).map((e) => [e.kind, e.releasableTo])).toEqual([
      ['incident', ['SN']],
      ['retraction', ['MR']],
    ]);
  });

  it('retracts from each nation on its own, so none learns who else lost the record', () => {
    expect(releasePlan('ML', { ...record, releasableTo: [] }, ['MR', 'SN'], at).map((e) => [e.kind, e.releasableTo])).toEqual([
      ['retraction', ['MR']],
      ['retraction', ['SN']],
    ]);
  });

  it('only retracts when the record becomes national', () => {
    expect(releasePlan('ML', { ...record, releasableTo: [] }, ['SN'], at).map((e) => [e.kind, e.releasableTo])).toEqual([['retraction', ['SN']]]);
  });

  it('sends nothing for a national record', () => {
    expect(releasePlan('ML', { ...record, releasableTo: [] }, undefined, at)).toEqual([]);
  });

  it('never passes on a record another nation owns', () => {
    expect(releasePlan('SN', record, undefined, at)).toEqual([]);
  });
});

describe('request signature', () => {
  const request = { method: 'GET', pathAndQuery: '/federation/v1/feed?after=0', audience: 'SN' };
  const now = 1_767_600_000_000;
  const headers = signRequest({ ...request, timestamp: now, nonce: 'abcdefghijklmnopqrstuv' }, mlPrivate, ml.publicKey);
  const stamp = readStamp(headers)!;

  it('accepts a fresh request signed by the caller', () => {
    expect(checkRequest(stamp, request, mlPublic, now + 1000, 300)).toEqual({ ok: true });
  });

  it.each<[string, Partial<typeof request>, number, string]>([
    ['another path', { pathAndQuery: '/federation/v1/feed?after=100' }, now, 'bad-signature'],
    ['another node', { audience: 'MR' }, now, 'bad-signature'],
    ['a stale timestamp', {}, now + 301_000, 'stale-timestamp'],
    ['a timestamp from the future', {}, now - 301_000, 'stale-timestamp'],
  ])('refuses %s', (_, change, at, reason) => {
    expect(checkRequest(stamp, { ...request, ...change }, mlPublic, at, 300)).toEqual({ ok: false, reason });
  });

  it('refuses a signature by another key', () => {
    expect(checkRequest(stamp, request, snPublic, now, 300).ok).toBe(false);
  });

  it.each([{}, { ...headers, 'x-diboli-nonce': 'short' }, { ...headers, 'x-diboli-timestamp': 'yesterday' }])('reads no stamp from %j', (h) => {
    expect(readStamp(h)).toBeUndefined();
  });

  it('binds the answer to the request nonce and body', () => {
    const body = '{"envelopes":[],"next":0}';
    const signature = signResponse('nonce-one-xxxxxxxxx', body, mlPrivate);
    expect(verifyResponse('nonce-one-xxxxxxxxx', Buffer.from(body), signature, mlPublic)).toBe(true);
    expect(verifyResponse('nonce-two-xxxxxxxxx', Buffer.from(body), signature, mlPublic)).toBe(false);
    expect(verifyResponse('nonce-one-xxxxxxxxx', Buffer.from(body.replace('0', '9')), signature, mlPublic)).toBe(false);
  });
});

describe('ReplayGuard', () => {
  it('accepts a nonce once within the window and forgets it after', async () => {
    const nonces = new MemoryNonces();
    const guard = new ReplayGuard(300_000, nonces);
    expect(await guard.accept('n1', 0)).toBe(true);
    expect(await guard.accept('n1', 299_000)).toBe(false);
    expect(await guard.accept('n2', 299_000)).toBe(true);
    await guard.accept('n3', 1_000_000);
    expect(nonces.size).toBe(1);
  });
});

describe('backoffDelay', () => {
  it.each([
    [0, 0.5, 0],
    [1, 0, 500],
    [1, 1, 1000],
    [3, 0, 2000],
    [20, 1, 60_000],
    [20, 0, 30_000],
  ])('after %i failures with jitter %f waits %i ms', (failures, random, delay) => {
    expect(backoffDelay(failures, random)).toBe(delay);
  });
});
