import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import type { NationCode } from '../kernel/nation.js';
import { signBytes, verifyBytes } from './node-keys.js';

export const HEADER_KEY = 'x-diboli-key';
export const HEADER_TIMESTAMP = 'x-diboli-timestamp';
export const HEADER_NONCE = 'x-diboli-nonce';
export const HEADER_SIGNATURE = 'x-diboli-signature';

/** The default replay window: a request older or newer than this is refused. */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const TIMESTAMP = /^\d{1,16}$/;

/** What a signed request carries beside its method and path. */
export interface RequestStamp {
  publicKey: string;
  timestamp: number;
  nonce: string;
  signature: string;
}

export interface SignedRequest {
  method: string;
  /** Path and query exactly as sent, e.g. `/federation/v1/feed?after=12&limit=500`. */
  pathAndQuery: string;
  /** Nation of the node the request is meant for, so it cannot be replayed at another node. */
  audience: NationCode;
  timestamp: number;
  nonce: string;
}

function requestBytes(request: SignedRequest): Buffer {
  return Buffer.from(
    ['diboli-request-v1', request.method.toUpperCase(), request.pathAndQuery, request.audience, String(request.timestamp), request.nonce].join('\n'),
    'utf8',
  );
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

/** Headers that authenticate one request from this node. */
export function signRequest(request: SignedRequest, privateKey: KeyObject, publicKey: string): Record<string, string> {
  return {
    [HEADER_KEY]: publicKey,
    [HEADER_TIMESTAMP]: String(request.timestamp),
    [HEADER_NONCE]: request.nonce,
    [HEADER_SIGNATURE]: signBytes(privateKey, requestBytes(request)),
  };
}

/** Reads the stamp out of request headers; undefined when any part is missing or malformed. */
export function readStamp(headers: Record<string, string | string[] | undefined>): RequestStamp | undefined {
  const one = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const publicKey = one(HEADER_KEY);
  const timestamp = one(HEADER_TIMESTAMP);
  const nonce = one(HEADER_NONCE);
  const signature = one(HEADER_SIGNATURE);
  if (!publicKey || !timestamp || !nonce || !signature) return undefined;
  if (!TIMESTAMP.test(timestamp) || !NONCE.test(nonce) || publicKey.length > 200 || signature.length > 200) return undefined;
  return { publicKey, timestamp: Number(timestamp), nonce, signature };
}

export type RequestCheck = { ok: true } | { ok: false; reason: 'bad-signature' | 'stale-timestamp' };

/**
 * Is this a request the holder of `callerKey` signed for us, within the replay window? The nonce's
 * freshness is the caller's to check next (it needs memory); a stale timestamp is refused here.
 */
export function checkRequest(
  stamp: RequestStamp,
  request: { method: string; pathAndQuery: string; audience: NationCode },
  callerKey: KeyObject,
  nowMs: number,
  windowSeconds: number,
): RequestCheck {
  const signed: SignedRequest = { ...request, timestamp: stamp.timestamp, nonce: stamp.nonce };
  if (!verifyBytes(callerKey, requestBytes(signed), stamp.signature)) return { ok: false, reason: 'bad-signature' };
  if (Math.abs(nowMs - stamp.timestamp) > windowSeconds * 1000) return { ok: false, reason: 'stale-timestamp' };
  return { ok: true };
}

/**
 * A feed answer is signed too, bound to the request's nonce: a proxy that changes one byte of it,
 * or replays an older answer, is caught before anything in it is looked at.
 */
function responseBytes(nonce: string, body: string | Buffer): Buffer {
  const digest = createHash('sha256').update(body).digest('hex');
  return Buffer.from(`diboli-response-v1\n${nonce}\n${digest}`, 'utf8');
}

export function signResponse(nonce: string, body: string, privateKey: KeyObject): string {
  return signBytes(privateKey, responseBytes(nonce, body));
}

export function verifyResponse(nonce: string, body: Buffer, signature: string, publicKey: KeyObject): boolean {
  return verifyBytes(publicKey, responseBytes(nonce, body), signature);
}
