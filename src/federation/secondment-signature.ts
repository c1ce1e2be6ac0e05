import type { KeyObject } from 'node:crypto';
import type { SecondmentCredential, UnsignedCredential } from '../domain/secondment.js';
import { canonicalJson } from './canonical-json.js';
import { signBytes, verifyBytes } from './node-keys.js';

// Its own domain tag: a credential signature is never valid as an envelope or request signature.
const CREDENTIAL_TAG = 'diboli-secondment-v1\n';

function credentialBytes(credential: UnsignedCredential): Buffer {
  const { format, id, mechanism, issuer, host, username, role, issuedAt, expiresAt } = credential;
  return Buffer.from(CREDENTIAL_TAG + canonicalJson({ format, id, mechanism, issuer, host, username, role, issuedAt, expiresAt }), 'utf8');
}

/** Signed by the issuing nation's node key. */
export function signCredential(credential: UnsignedCredential, privateKey: KeyObject): SecondmentCredential {
  return { ...credential, signature: signBytes(privateKey, credentialBytes(credential)) };
}

/** Checked against the key the host registered for the issuing nation's node, and no other. */
export function verifyCredential(credential: SecondmentCredential, issuerKey: KeyObject): boolean {
  return verifyBytes(issuerKey, credentialBytes(credential), credential.signature);
}
