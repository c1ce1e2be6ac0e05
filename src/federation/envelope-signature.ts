import type { KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { Envelope, UnsignedEnvelope } from './envelope.js';
import { signBytes, verifyBytes } from './node-keys.js';

// A domain tag keeps an envelope signature from ever being valid as a request signature, and back.
const ENVELOPE_TAG = 'diboli-envelope-v1\n';

export function envelopeSigningBytes(envelope: UnsignedEnvelope): Buffer {
  const { origin, kind, id, version, releasableTo, body, signedAt } = envelope;
  return Buffer.from(ENVELOPE_TAG + canonicalJson({ origin, kind, id, version, releasableTo, body, signedAt }), 'utf8');
}

export function signEnvelope(envelope: UnsignedEnvelope, privateKey: KeyObject): Envelope {
  return { ...envelope, signature: signBytes(privateKey, envelopeSigningBytes(envelope)) };
}

export function verifyEnvelope(envelope: Envelope, publicKey: KeyObject): boolean {
  let bytes: Buffer;
  try {
    bytes = envelopeSigningBytes(envelope);
  } catch {
    return false;
  }
  return verifyBytes(publicKey, bytes, envelope.signature);
}
