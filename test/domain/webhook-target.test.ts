import { describe, expect, it } from 'vitest';
import { parseAllowList, targetRefusal } from '../../src/domain/webhook-target.js';

const none = parseAllowList([]);
const operator = parseAllowList(['127.0.0.1', '10.20.0.0/16', 'fd12:3456::/32', 'alerts.kayes.internal', '[::1]']);

/** [host in the URL, addresses it stands for, allow-list, expected refusal kind (null: posted)] */
const CASES: [string, string[], ReturnType<typeof parseAllowList>, string | null][] = [
  // Public addresses go out.
  ['93.184.215.14', ['93.184.215.14'], none, null],
  ['alerts.example.org', ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'], none, null],
  ['[2001:4860:4860::8888]', ['2001:4860:4860::8888'], none, null],
  ['nat64.example', ['64:ff9b::5db8:d70e'], none, null], // NAT64 of a public IPv4 address
  // Loopback, however written.
  ['127.0.0.1', ['127.0.0.1'], none, 'loopback'],
  ['127.1.2.3', ['127.1.2.3'], none, 'loopback'],
  ['localhost', ['127.0.0.1', '::1'], none, 'loopback'],
  ['[::1]', ['::1'], none, 'loopback'],
  ['[0:0:0:0:0:0:0:1]', ['0:0:0:0:0:0:0:1'], none, 'loopback'],
  ['[::ffff:7f00:1]', ['::ffff:7f00:1'], none, 'loopback'], // IPv4-mapped 127.0.0.1
  ['[::ffff:127.0.0.1]', ['::ffff:127.0.0.1'], none, 'loopback'],
  ['[64:ff9b::7f00:1]', ['64:ff9b::7f00:1'], none, 'loopback'], // NAT64 of 127.0.0.1
  ['rebound.example', ['93.184.215.14', '127.0.0.1'], none, 'loopback'], // one bad address is enough
  // Private networks.
  ['10.0.0.5', ['10.0.0.5'], none, 'private'],
  ['172.16.9.1', ['172.16.9.1'], none, 'private'],
  ['172.31.255.255', ['172.31.255.255'], none, 'private'],
  ['192.168.1.1', ['192.168.1.1'], none, 'private'],
  ['100.64.0.1', ['100.64.0.1'], none, 'private'],
  ['[::ffff:a00:5]', ['::ffff:a00:5'], none, 'private'],
  ['[fec0::1]', ['fec0::1'], none, 'private'],
  // Link-local (cloud metadata lives at 169.254.169.254), unique-local, multicast, unspecified.
  ['169.254.169.254', ['169.254.169.254'], none, 'link-local'],
  ['[fe80::1%25eth0]', ['fe80::1%eth0'], none, 'link-local'],
  ['[fd00::1]', ['fd00::1'], none, 'unique-local'],
  ['[fc00::1]', ['fc00::1'], none, 'unique-local'],
  ['224.0.0.1', ['224.0.0.1'], none, 'multicast'],
  ['[ff02::1]', ['ff02::1'], none, 'multicast'],
  ['0.0.0.0', ['0.0.0.0'], none, 'unspecified'],
  ['[::]', ['::'], none, 'unspecified'],
  // Reserved and documentation ranges, deprecated tunnels.
  ['255.255.255.255', ['255.255.255.255'], none, 'reserved'],
  ['192.0.2.10', ['192.0.2.10'], none, 'reserved'],
  ['[2001:db8::1]', ['2001:db8::1'], none, 'reserved'],
  ['[2002:7f00:1::]', ['2002:7f00:1::'], none, 'reserved'],
  ['[::7f00:1]', ['::7f00:1'], none, 'reserved'],
  // What the operator allowed.
  ['127.0.0.1', ['127.0.0.1'], operator, null],
  ['[::1]', ['::1'], operator, null],
  ['[::ffff:127.0.0.1]', ['::ffff:127.0.0.1'], operator, null],
  ['10.20.3.4', ['10.20.3.4'], operator, null],
  ['10.21.3.4', ['10.21.3.4'], operator, 'private'],
  ['[fd12:3456::9]', ['fd12:3456::9'], operator, null],
  ['[fd12:3457::9]', ['fd12:3457::9'], operator, 'unique-local'],
  ['alerts.kayes.internal', ['192.168.40.2'], operator, null],
  ['ALERTS.Kayes.Internal.', ['192.168.40.2'], operator, null],
  ['other.kayes.internal', ['192.168.40.2'], operator, 'private'],
  ['localhost', ['127.0.0.1', '::1'], operator, null],
  ['localhost', ['127.0.0.2'], operator, 'loopback'],
];

describe('webhook targets', () => {
  it.each(CASES)('%s resolving to %j → %s', (host, addresses, allow, expected) => {
    const refusal = targetRefusal(host, addresses, allow);
    expect(refusal?.kind ?? null).toBe(expected);
  });

  it('names the refused address', () => {
    expect(targetRefusal('rebound.example', ['93.184.215.14', '10.0.0.7'], none)).toEqual({ address: '10.0.0.7', kind: 'private' });
  });

  it('reads host names, addresses and CIDR ranges, and refuses anything else', () => {
    expect([...parseAllowList(['Alerts.Example.', ' 10.0.0.0/8 ', '', '::1']).names]).toEqual(['alerts.example']);
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/8/1', 'http://x', 'a b', '10.0.0.300/8', 'fd00::/x']) {
      expect(() => parseAllowList([bad]), bad).toThrow();
    }
  });
});
