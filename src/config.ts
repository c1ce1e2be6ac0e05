import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { isTimeZone } from './domain/field-message/clock-time.js';
import { parseAllowList } from './domain/webhook-target.js';

/**
 * Everything a node is configured with, read once at start. Precedence: command-line flags >
 * environment (DIBOLI_*) > `diboli.toml` in the data folder > defaults. Nothing else in the code
 * reads `process.env`.
 */
export interface NodeConfig {
  dataDir: string;
  host: string;
  port: number;
  /** Length of the border sections made by `diboli init`. */
  sectionKm: number;
  /** Distance either side of the border within which a point belongs to a section. */
  bufferKm: number;
  /** Points further than this from every mechanism nation are refused. */
  areaMarginKm: number;
  tokenTtlHours: number;
  loginAttemptsPerMinute: number;
  /** `normal` survives a killed process; `full` also survives a power cut, at a cost per write. */
  synchronous: 'normal' | 'full';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** A signed federation request whose timestamp is further than this from the clock is refused. */
  replayWindowSeconds: number;
  /** Headless Chromium that prints situation reports as PDF. */
  chromiumPath: string;
  /**
   * Webhook targets allowed although not public: host names, addresses or CIDR ranges (loopback,
   * private, link-local… addresses are refused otherwise).
   */
  webhookAllowedHosts: string[];
  /** PEM certificate and key: the node serves HTTPS itself when both are given. */
  tlsCert?: string;
  tlsKey?: string;
  /**
   * Addresses (IPs or CIDR ranges, comma-separated) of reverse proxies whose X-Forwarded-* headers
   * are believed: `X-Forwarded-Proto: https` from them makes the session cookie Secure.
   */
  trustProxy?: string;
  /**
   * The nation's own basemap, an MBTiles or PMTiles file of vector tiles in the OpenMapTiles schema (an
   * OpenStreetMap extract), served instead of the basemap built from the shipped data.
   */
  basemapExtract?: string;
  /** The mechanism's local time zone (IANA name): the hours of SMS and radio messages are read in it. */
  timeZone: string;
  /**
   * The TAK streaming port (TLS with client certificates of the node's own CA, docs/tak.md; TAK's
   * usual port is 8089). Off unless given.
   */
  takPort?: number;
  /** The address the TAK port listens on (default: `host`). */
  takHost?: string;
  /**
   * A plain TCP port for TAK on 127.0.0.1 only, every connection reading and writing as the user
   * `takPlainUser` (a bridge on the same machine, tests). Off unless both are given.
   */
  takPlainPort?: number;
  takPlainUser?: string;
  /**
   * Threads that make the map's incident tiles beside the node's own, each with its own read-only
   * connection to the database (0, the default: the node's thread makes them). On two cores they
   * halved the median tile of a hundred maps opening together but lengthened the slowest ones
   * (docs/incident-tiles.md); a machine with more cores may give them some.
   */
  tileThreads: number;
}

export const DEFAULT_CONFIG: Omit<NodeConfig, 'dataDir'> = {
  host: '127.0.0.1',
  port: 8080,
  sectionKm: 25,
  bufferKm: 30,
  areaMarginKm: 50,
  tokenTtlHours: 12,
  loginAttemptsPerMinute: 10,
  synchronous: 'normal',
  logLevel: 'warn',
  replayWindowSeconds: 300,
  chromiumPath: '/usr/bin/chromium',
  webhookAllowedHosts: [],
  timeZone: 'UTC',
  tileThreads: 0,
};

export const CONFIG_FILE = 'diboli.toml';

export type Overrides = Partial<Record<keyof NodeConfig, string | number | undefined>>;

const ENV_NAMES: Record<keyof NodeConfig, string> = {
  dataDir: 'DIBOLI_DATA',
  host: 'DIBOLI_HOST',
  port: 'DIBOLI_PORT',
  sectionKm: 'DIBOLI_SECTION_KM',
  bufferKm: 'DIBOLI_BUFFER_KM',
  areaMarginKm: 'DIBOLI_AREA_MARGIN_KM',
  tokenTtlHours: 'DIBOLI_TOKEN_TTL_HOURS',
  loginAttemptsPerMinute: 'DIBOLI_LOGIN_ATTEMPTS_PER_MINUTE',
  synchronous: 'DIBOLI_SYNCHRONOUS',
  logLevel: 'DIBOLI_LOG_LEVEL',
  replayWindowSeconds: 'DIBOLI_REPLAY_WINDOW_SECONDS',
  chromiumPath: 'DIBOLI_CHROMIUM',
  webhookAllowedHosts: 'DIBOLI_WEBHOOK_ALLOWED_HOSTS',
  tlsCert: 'DIBOLI_TLS_CERT',
  tlsKey: 'DIBOLI_TLS_KEY',
  trustProxy: 'DIBOLI_TRUST_PROXY',
  basemapExtract: 'DIBOLI_BASEMAP_EXTRACT',
  timeZone: 'DIBOLI_TIME_ZONE',
  takPort: 'DIBOLI_TAK_PORT',
  takHost: 'DIBOLI_TAK_HOST',
  takPlainPort: 'DIBOLI_TAK_PLAIN_PORT',
  takPlainUser: 'DIBOLI_TAK_PLAIN_USER',
  tileThreads: 'DIBOLI_TILE_THREADS',
};

export class ConfigError extends Error {}

export function loadConfig(flags: Overrides, env: Record<string, string | undefined>): NodeConfig {
  const fromEnv: Overrides = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof NodeConfig, string][]) {
    if (env[name] !== undefined && env[name] !== '') fromEnv[key] = env[name];
  }
  const dataDir = resolve(String(flags.dataDir ?? fromEnv.dataDir ?? './diboli-data'));
  const fromFile = readConfigFile(dataDir);
  const pick = (key: keyof NodeConfig) => flags[key] ?? fromEnv[key] ?? fromFile[key];

  return {
    dataDir,
    host: String(pick('host') ?? DEFAULT_CONFIG.host),
    port: integer('port', pick('port'), DEFAULT_CONFIG.port, 0, 65535),
    sectionKm: positive('sectionKm', pick('sectionKm'), DEFAULT_CONFIG.sectionKm, 1, 500),
    bufferKm: positive('bufferKm', pick('bufferKm'), DEFAULT_CONFIG.bufferKm, 0, 300),
    areaMarginKm: positive('areaMarginKm', pick('areaMarginKm'), DEFAULT_CONFIG.areaMarginKm, 0, 1000),
    tokenTtlHours: positive('tokenTtlHours', pick('tokenTtlHours'), DEFAULT_CONFIG.tokenTtlHours, 0.01, 24 * 30),
    loginAttemptsPerMinute: integer('loginAttemptsPerMinute', pick('loginAttemptsPerMinute'), DEFAULT_CONFIG.loginAttemptsPerMinute, 1, 10_000),
    synchronous: oneOf('synchronous', pick('synchronous'), ['normal', 'full'] as const, DEFAULT_CONFIG.synchronous),
    logLevel: oneOf('logLevel', pick('logLevel'), ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const, DEFAULT_CONFIG.logLevel),
    replayWindowSeconds: integer('replayWindowSeconds', pick('replayWindowSeconds'), DEFAULT_CONFIG.replayWindowSeconds, 5, 86_400),
    chromiumPath: String(pick('chromiumPath') ?? DEFAULT_CONFIG.chromiumPath),
    webhookAllowedHosts: hostList('webhookAllowedHosts', pick('webhookAllowedHosts')),
    ...tlsFiles(pick('tlsCert'), pick('tlsKey')),
    ...proxies(pick('trustProxy')),
    ...basemapExtract(pick('basemapExtract')),
    timeZone: timeZone(pick('timeZone')),
    ...takListener(pick('takPort'), pick('takHost')),
    ...takPlainListener(pick('takPlainPort'), pick('takPlainUser')),
    tileThreads: integer('tileThreads', pick('tileThreads'), DEFAULT_CONFIG.tileThreads, 0, 16),
  };
}

/** Both files or neither (relative paths from the working folder, like the data folder's). */
function tlsFiles(cert: string | number | undefined, key: string | number | undefined): Pick<NodeConfig, 'tlsCert' | 'tlsKey'> {
  if (cert === undefined && key === undefined) return {};
  if (cert === undefined || key === undefined) throw new ConfigError('tlsCert and tlsKey go together: give both files, or neither');
  const paths = { tlsCert: resolve(String(cert)), tlsKey: resolve(String(key)) };
  for (const [name, path] of Object.entries(paths)) {
    if (!existsSync(path)) throw new ConfigError(`${name}: no such file ${path}`);
  }
  return paths;
}

/** The TAK port, when one is given; its address defaults to the node's. */
function takListener(port: string | number | undefined, host: string | number | undefined): Pick<NodeConfig, 'takPort' | 'takHost'> {
  if (port === undefined) return host === undefined ? {} : { takHost: String(host) };
  return { takPort: integer('takPort', port, 0, 0, 65535), ...(host === undefined ? {} : { takHost: String(host) }) };
}

/** Both or neither: a plain port reads as one named user, on the loopback address only. */
function takPlainListener(port: string | number | undefined, user: string | number | undefined): Pick<NodeConfig, 'takPlainPort' | 'takPlainUser'> {
  if (port === undefined && user === undefined) return {};
  if (port === undefined || user === undefined) throw new ConfigError('takPlainPort and takPlainUser go together: give both, or neither');
  return { takPlainPort: integer('takPlainPort', port, 0, 0, 65535), takPlainUser: String(user) };
}

function basemapExtract(raw: string | number | undefined): Pick<NodeConfig, 'basemapExtract'> {
  if (raw === undefined) return {};
  const path = resolve(String(raw));
  if (!path.endsWith('.mbtiles') && !path.endsWith('.pmtiles'))
    throw new ConfigError(`basemapExtract must be an MBTiles (.mbtiles) or PMTiles (.pmtiles) file, got ${path}`);
  if (!existsSync(path)) throw new ConfigError(`basemapExtract: no such file ${path}`);
  return { basemapExtract: path };
}

function timeZone(raw: string | number | undefined): string {
  if (raw === undefined) return DEFAULT_CONFIG.timeZone;
  if (!isTimeZone(String(raw))) throw new ConfigError(`timeZone must be an IANA time zone such as Africa/Bamako (got "${raw}")`);
  return String(raw);
}

/** A comma-separated list of IP addresses or CIDR ranges. */
function proxies(raw: string | number | undefined): Pick<NodeConfig, 'trustProxy'> {
  if (raw === undefined) return {};
  const list = String(raw)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;
  const wrong = list.find((entry) => !address.test(entry));
  if (list.length === 0 || wrong !== undefined)
    throw new ConfigError(`trustProxy must list IP addresses or CIDR ranges, comma-separated (got "${wrong ?? raw}")`);
  return { trustProxy: list.join(',') };
}

function readConfigFile(dataDir: string): Overrides {
  const path = join(dataDir, CONFIG_FILE);
  if (!existsSync(path)) return {};
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path}: ${(error as Error).message}`);
  }
  const overrides: Overrides = {};
  for (const key of Object.keys(ENV_NAMES) as (keyof NodeConfig)[]) {
    const value = parsed[key];
    if (typeof value === 'string' || typeof value === 'number') overrides[key] = value;
    // A list in the file (`webhookAllowedHosts = ["10.1.0.0/16"]`) reads like the comma-separated variable.
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) overrides[key] = value.join(',');
  }
  return overrides;
}

function number(name: string, raw: string | number | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(value)) throw new ConfigError(`${name} must be a number (got "${raw}")`);
  return value;
}

function positive(name: string, raw: string | number | undefined, fallback: number, min: number, max: number): number {
  const value = number(name, raw, fallback);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max} (got ${value})`);
  return value;
}

function integer(name: string, raw: string | number | undefined, fallback: number, min: number, max: number): number {
  const value = positive(name, raw, fallback, min, max);
  if (!Number.isInteger(value)) throw new ConfigError(`${name} must be a whole number (got ${value})`);
  return value;
}

function hostList(name: string, raw: string | number | undefined): string[] {
  if (raw === undefined) return [];
  const entries = String(raw)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    parseAllowList(entries);
  } catch (error) {
    throw new ConfigError(`${name}: ${(error as Error).message}`);
  }
  return entries;
}

function oneOf<T extends string>(name: string, raw: string | number | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(String(raw))) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}
