import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may post. A node must not be made to post into its own machine or network (nor
 * a partner's): an address that is not routed on the public Internet is refused unless the node's
 * operator allowed it (`webhookAllowedHosts`: host names, addresses or CIDR ranges).
 */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'unique-local' | 'multicast' | 'unspecified' | 'reserved';

/** The ranges refused by default, each named by what it is (IANA special-purpose registries). */
const SPECIAL_RANGES: readonly (readonly [AddressKind, string])[] = [
  ['unspecified', '0.0.0.0/8'],
  ['loopback', '127.0.0.0/8'],
  ['private', '10.0.0.0/8'],
  ['private', '172.16.0.0/12'],
  ['private', '192.168.0.0/16'],
  ['private', '100.64.0.0/10'], // shared address space behind carrier-grade NAT
  ['link-local', '169.254.0.0/16'],
  ['reserved', '192.0.0.0/24'],
  ['reserved', '192.0.2.0/24'],
  ['reserved', '192.88.99.0/24'],
  ['reserved', '198.18.0.0/15'],
  ['reserved', '198.51.100.0/24'],
  ['reserved', '203.0.113.0/24'],
  ['multicast', '224.0.0.0/4'],
  ['reserved', '240.0.0.0/4'], // with the broadcast address 255.255.255.255
  ['unspecified', '::/128'],
  ['loopback', '::1/128'],
  ['reserved', '::/96'], // IPv4-compatible addresses, deprecated
  ['private', '64:ff9b:1::/48'], // NAT64 prefix for local use
  ['reserved', '100::/64'],
  ['reserved', '2001::/23'],
  ['reserved', '2001:db8::/32'],
  ['reserved', '2002::/16'], // 6to4, deprecated
  ['reserved', '3fff::/20'],
  ['reserved', '5f00::/16'],
  ['unique-local', 'fc00::/7'],
  ['link-local', 'fe80::/10'],
  ['private', 'fec0::/10'], // site-local, deprecated
  ['multicast', 'ff00::/8'],
];

const KIND_LISTS = new Map<AddressKind, BlockList>();
for (const [kind, range] of SPECIAL_RANGES) {
  const list = KIND_LISTS.get(kind) ?? new BlockList();
  addRange(list, range);
  KIND_LISTS.set(kind, list);
}

export interface WebhookAllowList {
  /** Host names the operator vouches for, whatever they resolve to (lower case, no final dot). */
  names: ReadonlySet<string>;
  /** Addresses and ranges the operator allows. */
  ranges: BlockList;
}

export interface TargetRefusal {
  address: string;
  kind: AddressKind;
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Reads the operator's entries; throws on one that is neither a host name, an address nor a range. */
export function parseAllowList(entries: readonly string[]): WebhookAllowList {
  const names = new Set<string>();
  const ranges = new BlockList();
  for (const raw of entries) {
    const entry = bare(raw.trim());
    if (entry === '') continue;
    if (entry.includes('/') || isIP(entry)) {
      if (!addRange(ranges, entry)) throw new Error(`"${raw}" is not an address or a CIDR range`);
    } else if (HOST_NAME.test(entry)) {
      names.add(entry);
    } else {
      throw new Error(`"${raw}" is neither a host name, an address nor a CIDR range`);
    }
  }
  return { names, ranges };
}

/**
 * Why a target may not be posted to, or null when it may. `hostname` is the URL's host; `addresses`
 * are the addresses it stands for (itself when it is one, else what the name resolved to). A name
 * the operator listed is allowed as it resolves; otherwise every address must be public or allowed.
 */
export function targetRefusal(hostname: string, addresses: readonly string[], allow: WebhookAllowList): TargetRefusal | null {
  if (allow.names.has(bare(hostname))) return null;
  for (const address of addresses) {
    const effective = embeddedIpv4(address) ?? bare(address);
    const family = isIP(effective);
    if (family === 0) return { address, kind: 'unspecified' };
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (allow.ranges.check(effective, type)) continue;
    for (const [kind, list] of KIND_LISTS) {
      if (list.check(effective, type)) return { address, kind };
    }
  }
  return null;
}

/** A host as a URL or resolver names it, without IPv6 brackets, zone or a fully-qualified final dot. */
function bare(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '')
    .replace(/\.$/, '');
}

/**
 * The IPv4 address an IPv6 one carries when packets to it reach that IPv4 address: IPv4-mapped
 * (::ffff:a.b.c.d) and the well-known NAT64 prefix (64:ff9b::a.b.c.d). Either may hide 127.0.0.1.
 */
function embeddedIpv4(address: string): string | undefined {
  const groups = ipv6Groups(bare(address));
  if (!groups) return undefined;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (!mapped && !nat64) return undefined;
  const [high, low] = [groups[6]!, groups[7]!];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address, from the URL standard's canonical spelling. */
function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head = '', tail] = canonical.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** Adds an address or CIDR range to a list; false when it is neither. */
function addRange(list: BlockList, range: string): boolean {
  const [address = '', prefix, extra] = bare(range).split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(address, bits, type);
  return true;
}
