import { randomBytes, randomUUID } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { DiboliError } from '../domain/errors.js';
import { PACKAGE_CERT_FOLDER, manifestFile, packageNames, preferenceFile } from '../tak/data-package.js';
import { clientStores, issueClientCertificate, loadTakCa } from './tak-ca.js';
import type { NodeContext } from './node-context.js';

export interface Enrolment {
  serial: string;
  expiresAt: string;
  /** The zip ATAK or WinTAK imports. */
  zip: Uint8Array;
  fileNames: string[];
}

/**
 * Enrols a user of this node as a TAK user: a client certificate signed by the node's CA, listed
 * by serial, and the data package that holds it, the CA and the server connection. The package's
 * password is drawn for it and written in its preference file: the zip is the secret, handed over
 * like a password (the command writes it readable by its owner only).
 */
export async function enrolTakUser(node: NodeContext, options: { username: string; host: string; port: number }): Promise<Enrolment> {
  const user = await node.repos.users.findByUsername(options.username.toLowerCase());
  if (!user) throw new DiboliError('ERR_NOT_FOUND', { kind: 'user', id: options.username });
  const ca = loadTakCa(node.config.dataDir);
  const now = node.clock.now();
  const issued = issueClientCertificate(ca, user.username, user.nation, now);
  const names = packageNames(node.nation, options.host, user.username);
  const password = randomBytes(12).toString('base64url');
  const stores = clientStores(ca, issued, password, { client: names.stem, trust: `${names.stem}-ca` });
  const files: Record<string, Uint8Array> = {
    [`${PACKAGE_CERT_FOLDER}/${names.preferences}`]: strToU8(
      preferenceFile({ description: `Diboli ${node.nation} (${options.host})`, host: options.host, port: options.port, names, password }),
    ),
    [`${PACKAGE_CERT_FOLDER}/${names.client}`]: stores.client,
    [`${PACKAGE_CERT_FOLDER}/${names.trust}`]: stores.trust,
    'MANIFEST/manifest.xml': strToU8(manifestFile(randomUUID(), names)),
  };
  await node.repos.takCertificates.issued({
    serial: issued.serial,
    username: user.username,
    issuedAt: now.toISOString(),
    expiresAt: issued.expiresAt,
    revokedAt: null,
  });
  return { serial: issued.serial, expiresAt: issued.expiresAt, zip: zipSync(files, { level: 6, mtime: now }), fileNames: Object.keys(files) };
}

/** Revokes every TAK certificate of the user: the running node closes their connections within seconds. */
export async function revokeTakUser(node: NodeContext, username: string): Promise<number> {
  const certificates = await node.repos.takCertificates.ofUser(username.toLowerCase());
  if (certificates.length === 0) throw new DiboliError('ERR_NOT_FOUND', { kind: 'TAK certificate', id: username });
  return node.repos.takCertificates.revokeAll(username.toLowerCase(), node.clock.now().toISOString());
}
