import { isIP } from 'node:net';

/**
 * Why an address is not fetched from: the kind of network it belongs to, as a user reads it
 * ("a private network address"). Only addresses on the public internet are fetched from, unless
 * FETCH_ALLOW_HOSTS names the host.
 */
export type BlockedKind =
  | 'cloud metadata'
  | 'loopback'
  | 'private network'
  | 'shared (carrier-grade NAT)'
  | 'link-local'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'IPv4-mapped IPv6'
  | 'unique-local IPv6';

interface Rule {
  /** The network's first address, in bytes (4 for IPv4, 16 for IPv6). */
  prefix: Uint8Array;
  bits: number;
  kind: BlockedKind;
}

const rule = (cidr: string, kind: BlockedKind): Rule => {
  const [address, bits] = cidr.split('/') as [string, string];
  return { prefix: bytesOf(address)!, bits: Number(bits), kind };
};

/** Most specific first: the metadata addresses sit inside link-local and unique-local networks. */
const IPV4_RULES: readonly Rule[] = [
  rule('169.254.169.254/32', 'cloud metadata'),
  rule('255.255.255.255/32', 'broadcast'),
  rule('0.0.0.0/8', 'unspecified'),
  rule('10.0.0.0/8', 'private network'),
  rule('100.64.0.0/10', 'shared (carrier-grade NAT)'),
  rule('127.0.0.0/8', 'loopback'),
  rule('169.254.0.0/16', 'link-local'),
  rule('172.16.0.0/12', 'private network'),
  rule('192.0.0.0/24', 'reserved'),
  rule('192.0.2.0/24', 'documentation'),
  rule('192.88.99.0/24', 'reserved'),
  rule('192.168.0.0/16', 'private network'),
  rule('198.18.0.0/15', 'benchmarking'),
  rule('198.51.100.0/24', 'documentation'),
  rule('203.0.113.0/24', 'documentation'),
  rule('224.0.0.0/4', 'multicast'),
  rule('240.0.0.0/4', 'reserved'),
];

const IPV6_RULES: readonly Rule[] = [
  rule('fd00:ec2::254/128', 'cloud metadata'),
  rule('::/128', 'unspecified'),
  rule('::1/128', 'loopback'),
  rule('::ffff:0:0/96', 'IPv4-mapped IPv6'),
  // IPv4-compatible addresses (deprecated) and the rest of ::/8.
  rule('::/8', 'reserved'),
  rule('64:ff9b:1::/48', 'private network'),
  rule('100::/64', 'reserved'),
  rule('2001:db8::/32', 'documentation'),
  // IETF protocol assignments, Teredo among them (an IPv4 address hidden in the bits).
  rule('2001::/23', 'reserved'),
  rule('fc00::/7', 'unique-local IPv6'),
  rule('fe80::/10', 'link-local'),
  rule('fec0::/10', 'private network'),
  rule('ff00::/8', 'multicast'),
];

/** Networks that carry an IPv4 address in them: the address within is checked as IPv4. */
const EMBEDDING: readonly { rule: Rule; offset: number }[] = [
  // NAT64 (RFC 6052): the IPv4 address in the last 32 bits.
  { rule: rule('64:ff9b::/96', 'reserved'), offset: 12 },
  // 6to4 (RFC 3056): the IPv4 address right after 2002:.
  { rule: rule('2002::/16', 'reserved'), offset: 2 },
];

function ipv4Bytes(address: string): Uint8Array | null {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return null;
  return Uint8Array.from(parts.map(Number));
}

function ipv6Bytes(address: string): Uint8Array | null {
  // A zone (`fe80::1%eth0`) names an interface, not an address.
  let text = address.replace(/%.*$/, '').toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4Bytes(dotted[1]!);
    if (!v4) return null;
    const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
    text = `${text.slice(0, -dotted[1]!.length)}${hex(v4[0]!, v4[1]!)}:${hex(v4[2]!, v4[3]!)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const zeros = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (zeros < 0) return null;
  const all = [...head, ...Array<string>(zeros).fill('0'), ...tail];
  if (all.length !== 8 || !all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  const bytes = new Uint8Array(16);
  all.forEach((group, index) => {
    const value = Number.parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  return bytes;
}

/** An IP address's bytes (4 or 16), or null when the text is not one. */
export function bytesOf(address: string): Uint8Array | null {
  const version = isIP(address.replace(/%.*$/, ''));
  if (version === 4) return ipv4Bytes(address);
  if (version === 6) return ipv6Bytes(address);
  return null;
}

function inNetwork(bytes: Uint8Array, { prefix, bits }: Rule): boolean {
  if (bytes.length !== prefix.length) return false;
  for (let bit = 0; bit < bits; bit += 8) {
    const take = Math.min(8, bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (prefix[bit / 8]! & mask)) return false;
  }
  return true;
}

/**
 * The kind of network an address belongs to when it is not to be fetched from (loopback, private,
 * link-local, multicast, metadata…), or null for an address on the public internet. Text that is
 * not an IP address is refused as `reserved`: only checked addresses are connected to.
 */
export function blockedKind(address: string): BlockedKind | null {
  const bytes = bytesOf(address);
  if (!bytes) return 'reserved';
  if (bytes.length === 4) return IPV4_RULES.find((network) => inNetwork(bytes, network))?.kind ?? null;
  for (const { rule: network, offset } of EMBEDDING) {
    if (!inNetwork(bytes, network)) continue;
    return blockedKind(Array.from(bytes.subarray(offset, offset + 4)).join('.'));
  }
  return IPV6_RULES.find((network) => inNetwork(bytes, network))?.kind ?? null;
}
