import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { DiboliError } from '../domain/errors.js';
import { DAY_MS } from '../kernel/durations.js';

/**
 * The node's own small certificate authority for TAK clients (`diboli tak ca init`): a CA key and
 * certificate, and the TLS server certificate it signed for the node's TAK port. Client
 * certificates (`diboli tak enrol`) are signed by it and listed by serial in the store; the TAK
 * port accepts only those. Kept in `DATA/tak/`, readable by the node's account only.
 */
export const TAK_FOLDER = 'tak';
const FILES = { caCert: 'ca.pem', caKey: 'ca.key', serverCert: 'server.pem', serverKey: 'server.key' } as const;

const CA_YEARS = 10;
const SERVER_DAYS = 825;
/** A user's certificate lasts a year; enrol again to renew it. */
export const CLIENT_DAYS = 365;

export interface TakCa {
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
}

export interface IssuedCertificate {
  /** Hexadecimal, upper case, as TLS reports it. */
  serial: string;
  certPem: string;
  keyPem: string;
  expiresAt: string;
}

function rsaKey(): forge.pki.rsa.PrivateKey {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
}

/** 16 random bytes, the first between 0x10 and 0x7f: positive, and written with no leading zero. */
function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = 0x10 + (bytes[0]! % 0x70);
  return bytes.toString('hex').toUpperCase();
}

/** A serial as TLS reports it and as the store keeps it: upper case, without leading zeros. */
export function normalSerial(serial: string): string {
  return serial.toUpperCase().replace(/^0+(?=.)/, '');
}

function certificate(
  subject: forge.pki.CertificateField[],
  publicKey: forge.pki.PublicKey,
  issuer: { cert?: forge.pki.Certificate; key: forge.pki.PrivateKey },
  days: number,
  now: Date,
  extensions: object[],
): { cert: forge.pki.Certificate; serial: string } {
  const cert = forge.pki.createCertificate();
  const serial = newSerial();
  cert.serialNumber = serial.toLowerCase();
  cert.publicKey = publicKey;
  // A little before now, so that a client whose clock runs slow accepts it at once.
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  cert.validity.notAfter = new Date(now.getTime() + days * DAY_MS);
  cert.setSubject(subject);
  cert.setIssuer(issuer.cert ? issuer.cert.subject.attributes : subject);
  cert.setExtensions(extensions);
  cert.sign(issuer.key as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { cert, serial };
}

function folderOf(dataDir: string): string {
  return join(dataDir, TAK_FOLDER);
}

export function hasTakCa(dataDir: string): boolean {
  return existsSync(join(folderOf(dataDir), FILES.caKey));
}

/** Makes the CA and the TAK port's server certificate, named for `serverNames` (host names or addresses). */
export function initTakCa(dataDir: string, nation: string, serverNames: readonly string[], now: Date): TakCa {
  if (hasTakCa(dataDir)) throw new DiboliError('ERR_TAK_CA_EXISTS');
  const caKey = rsaKey();
  const caPublic = forge.pki.setRsaPublicKey(caKey.n, caKey.e);
  const caSubject = [
    { name: 'commonName', value: `Diboli ${nation} TAK CA` },
    { name: 'organizationName', value: `Diboli ${nation}` },
  ];
  const { cert: caCert } = certificate(caSubject, caPublic, { key: caKey }, CA_YEARS * 365, now, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const serverKey = rsaKey();
  const names = [...new Set(['localhost', '127.0.0.1', ...serverNames])];
  const { cert: serverCert } = certificate(
    [
      { name: 'commonName', value: names.at(-1)! },
      { name: 'organizationName', value: `Diboli ${nation}` },
    ],
    forge.pki.setRsaPublicKey(serverKey.n, serverKey.e),
    { cert: caCert, key: caKey },
    SERVER_DAYS,
    now,
    [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((name) => (/^[0-9.]+$|:/.test(name) ? { type: 7, ip: name } : { type: 2, value: name })) },
    ],
  );
  const ca: TakCa = {
    caCert: forge.pki.certificateToPem(caCert),
    caKey: forge.pki.privateKeyToPem(caKey),
    serverCert: forge.pki.certificateToPem(serverCert),
    serverKey: forge.pki.privateKeyToPem(serverKey),
  };
  mkdirSync(folderOf(dataDir), { recursive: true, mode: 0o700 });
  for (const [name, file] of Object.entries(FILES)) writeFileSync(join(folderOf(dataDir), file), ca[name as keyof TakCa], { mode: 0o600 });
  return ca;
}

export function loadTakCa(dataDir: string): TakCa {
  if (!hasTakCa(dataDir)) throw new DiboliError('ERR_TAK_CA_MISSING');
  const read = (file: string) => readFileSync(join(folderOf(dataDir), file), 'utf8');
  return { caCert: read(FILES.caCert), caKey: read(FILES.caKey), serverCert: read(FILES.serverCert), serverKey: read(FILES.serverKey) };
}

/** The name TAK clients reach the node by, as its server certificate was made for it (`ca init --server`). */
export function serverNameOf(ca: TakCa): string {
  return String(forge.pki.certificateFromPem(ca.serverCert).subject.getField('CN')?.value ?? 'localhost');
}

/** A client certificate for `username` of `nation`, signed by the CA. */
export function issueClientCertificate(ca: TakCa, username: string, nation: string, now: Date): IssuedCertificate {
  const key = rsaKey();
  const caCert = forge.pki.certificateFromPem(ca.caCert);
  const { cert, serial } = certificate(
    [
      { name: 'commonName', value: username },
      { name: 'organizationName', value: `Diboli ${nation}` },
    ],
    forge.pki.setRsaPublicKey(key.n, key.e),
    { cert: caCert, key: forge.pki.privateKeyFromPem(ca.caKey) },
    CLIENT_DAYS,
    now,
    [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  );
  return { serial, certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(key), expiresAt: cert.validity.notAfter.toISOString() };
}

/** PKCS#12 in triple DES, the one every ATAK and WinTAK version reads. */
function p12(key: string | null, certs: string[], password: string, name: string): Uint8Array {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    key ? forge.pki.privateKeyFromPem(key) : null,
    certs.map((pem) => forge.pki.certificateFromPem(pem)),
    password,
    { algorithm: '3des', friendlyName: name },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** The user's key and certificate (with the CA's), and the CA alone as the trust store. */
export function clientStores(ca: TakCa, issued: IssuedCertificate, password: string, names: { client: string; trust: string }) {
  return {
    client: p12(issued.keyPem, [issued.certPem, ca.caCert], password, names.client),
    trust: p12(null, [ca.caCert], password, names.trust),
  };
}
