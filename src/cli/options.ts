import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type NodeConfig } from '../config.js';
import { DiboliError } from '../domain/errors.js';
import { UsageError } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags every node command shares; each maps onto a NodeConfig field. */
export const NODE_FLAGS = {
  data: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'section-km': { type: 'string' },
  'buffer-km': { type: 'string' },
} as const satisfies Options;

/** How `serve` (and `demo --serve`) listen: HTTPS with their own certificate, or behind a proxy. */
export const SERVE_FLAGS = {
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'trust-proxy': { type: 'string' },
  'basemap-extract': { type: 'string' },
  'time-zone': { type: 'string' },
  'tak-port': { type: 'string' },
} as const satisfies Options;

export const SERVE_FLAGS_HELP = `  --tls-cert FILE     PEM certificate: serve HTTPS (with --tls-key; or DIBOLI_TLS_CERT)
  --tls-key FILE      PEM private key of that certificate (or DIBOLI_TLS_KEY)
  --trust-proxy LIST  addresses of reverse proxies to believe, comma-separated IPs or CIDR
                      ranges (or DIBOLI_TRUST_PROXY): their X-Forwarded-Proto/-For/-Host count,
                      and \`X-Forwarded-Proto: https\` makes the session cookie Secure
  --basemap-extract FILE  the nation's own basemap, an MBTiles or PMTiles file of OpenStreetMap
                      vector tiles (OpenMapTiles schema), served instead of the built one (or
                      DIBOLI_BASEMAP_EXTRACT; see docs/basemap.md)
  --time-zone ZONE    the mechanism's local time zone, an IANA name such as Africa/Bamako
                      (default UTC, or DIBOLI_TIME_ZONE): hours in SMS and radio messages
  --tak-port PORT     serve TAK clients (ATAK, WinTAK) on this port, TLS with the certificates of
                      \`diboli tak enrol\` (or DIBOLI_TAK_PORT; DIBOLI_TAK_HOST for its address;
                      off by default; see docs/tak.md)`;

export const NODE_FLAGS_HELP = `  --data DIR          the node's data folder (default ./diboli-data, or DIBOLI_DATA)
  --section-km N      border section length in km (default 25)
  --buffer-km N       distance either side of the border a section covers (default 30)`;

export function parseFlags<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads the configuration once; the environment is passed in here and nowhere else. */
export function configFrom(values: Record<string, unknown>): NodeConfig {
  const flag = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  try {
    return loadConfig(
      {
        dataDir: flag('data'),
        host: flag('host'),
        port: flag('port'),
        sectionKm: flag('section-km'),
        bufferKm: flag('buffer-km'),
        tlsCert: flag('tls-cert'),
        tlsKey: flag('tls-key'),
        trustProxy: flag('trust-proxy'),
        basemapExtract: flag('basemap-extract'),
        timeZone: flag('time-zone'),
        takPort: flag('tak-port'),
      },
      process.env,
    );
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** Coded errors become one line on stderr and exit code 1. */
export async function reportingErrors(stderr: (text: string) => void, name: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DiboliError) {
      stderr(`diboli ${name}: ${error.messageIn('en')}${error.field ? ` (${error.field})` : ''}\n`);
      return 1;
    }
    throw error;
  }
}
