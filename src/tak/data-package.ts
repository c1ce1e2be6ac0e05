import { escapeXml } from '../kernel/xml-text.js';

/**
 * What ATAK and WinTAK import in one step (a "data package", a zip with a manifest): the user's
 * certificate, the node's CA as a trust store, and a preference file that adds the server
 * connection. Two failures are common when enrolling TAK users, and both are designed out here:
 * every file name holds the node and the user (WinTAK mixes up trust stores that share a name
 * across servers), and the preference file names the certificates by the very names they have in
 * the package (`cert/<file>`, where the clients put a package's certificates).
 */
export interface PackageNames {
  /** `diboli-<nation>-<server>-<user>`: unique per node and user. */
  stem: string;
  client: string;
  trust: string;
  preferences: string;
}

function safe(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9._-]+/g, '_');
}

export function packageNames(nation: string, server: string, username: string): PackageNames {
  const stem = `diboli-${safe(nation)}-${safe(server)}-${safe(username)}`;
  return { stem, client: `${stem}.p12`, trust: `${stem}-truststore.p12`, preferences: `${stem}.pref` };
}

/** Where a package's certificate files go inside the zip, and how the preference file names them. */
export const PACKAGE_CERT_FOLDER = 'certs';
export const CLIENT_CERT_FOLDER = 'cert';

function entry(key: string, type: 'String' | 'Boolean' | 'Integer', value: string | number | boolean): string {
  return `    <entry key="${escapeXml(key)}" class="class java.lang.${type}">${escapeXml(String(value))}</entry>`;
}

/** The preference file: one TLS connection to the node, with its certificates and their password. */
export function preferenceFile(options: { description: string; host: string; port: number; names: PackageNames; password: string }): string {
  const { names, password } = options;
  const client = `${CLIENT_CERT_FOLDER}/${names.client}`;
  const trust = `${CLIENT_CERT_FOLDER}/${names.trust}`;
  return [
    "<?xml version='1.0' encoding='ASCII' standalone='yes'?>",
    '<preferences>',
    '  <preference version="1" name="cot_streams">',
    entry('count', 'Integer', 1),
    entry('description0', 'String', options.description),
    entry('enabled0', 'Boolean', true),
    entry('connectString0', 'String', `${options.host}:${options.port}:ssl`),
    entry('caLocation0', 'String', trust),
    entry('caPassword0', 'String', password),
    entry('certificateLocation0', 'String', client),
    entry('clientPassword0', 'String', password),
    '  </preference>',
    '  <preference version="1" name="com.atakmap.app_preferences">',
    entry('displayServerConnectionWidget', 'Boolean', true),
    entry('caLocation', 'String', trust),
    entry('caPassword', 'String', password),
    entry('certificateLocation', 'String', client),
    entry('clientPassword', 'String', password),
    '  </preference>',
    '</preferences>',
    '',
  ].join('\n');
}

/** The manifest (MissionPackageManifest version 2) listing each file of the package. */
export function manifestFile(uid: string, names: PackageNames): string {
  const contents = [names.preferences, names.client, names.trust].map(
    (file) => `    <Content ignore="false" zipEntry="${PACKAGE_CERT_FOLDER}/${escapeXml(file)}"/>`,
  );
  return [
    '<MissionPackageManifest version="2">',
    '  <Configuration>',
    `    <Parameter name="uid" value="${escapeXml(uid)}"/>`,
    `    <Parameter name="name" value="${escapeXml(names.stem)}"/>`,
    '    <Parameter name="onReceiveDelete" value="true"/>',
    '  </Configuration>',
    '  <Contents>',
    ...contents,
    '  </Contents>',
    '</MissionPackageManifest>',
    '',
  ].join('\n');
}
