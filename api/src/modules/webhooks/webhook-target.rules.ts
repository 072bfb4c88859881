import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may not send: addresses only the server itself can reach. A hook is an
 * administrator's URL that the server fetches on its own, so without this it reaches the cloud
 * metadata service (and the credentials it hands out), the database, Redis or anything else on
 * the private network (server-side request forgery).
 */
export enum ClosedTarget {
  LOOPBACK = 'LOOPBACK',
  PRIVATE = 'PRIVATE',
  LINK_LOCAL = 'LINK_LOCAL',
  UNSPECIFIED = 'UNSPECIFIED',
  /** 100.64.0.0/10, carrier-grade NAT: the provider's network, not the internet. */
  SHARED = 'SHARED',
  METADATA = 'METADATA',
  /** Multicast, broadcast and reserved ranges: never one public receiver. */
  RESERVED = 'RESERVED',
}

const DESCRIPTIONS: Record<ClosedTarget, string> = {
  [ClosedTarget.LOOPBACK]: 'a loopback address',
  [ClosedTarget.PRIVATE]: 'a private address',
  [ClosedTarget.LINK_LOCAL]: 'a link-local address',
  [ClosedTarget.UNSPECIFIED]: 'the unspecified address',
  [ClosedTarget.SHARED]: 'a carrier-grade NAT address',
  [ClosedTarget.METADATA]: 'a cloud metadata service',
  [ClosedTarget.RESERVED]: 'a multicast or reserved address',
};

/** Words for a refusal: "is a private address". */
export const describeClosed = (closed: ClosedTarget): string => DESCRIPTIONS[closed];

// Checked in this order: the metadata address sits inside link-local and must be named as itself.
// ::/96 (RESERVED) also holds the old IPv4-compatible form ::a.b.c.d.
const RANGES: [ClosedTarget, string][] = [
  [ClosedTarget.METADATA, '169.254.169.254/32 fd00:ec2::254/128'],
  [ClosedTarget.UNSPECIFIED, '0.0.0.0/8 ::/128'],
  [ClosedTarget.LOOPBACK, '127.0.0.0/8 ::1/128'],
  [ClosedTarget.PRIVATE, '10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 fc00::/7 fec0::/10'],
  [ClosedTarget.LINK_LOCAL, '169.254.0.0/16 fe80::/10'],
  [ClosedTarget.SHARED, '100.64.0.0/10'],
  [ClosedTarget.RESERVED, '192.0.0.0/24 198.18.0.0/15 224.0.0.0/4 240.0.0.0/4 ::/96 ff00::/8'],
];

const LISTS: [ClosedTarget, BlockList][] = RANGES.map(([closed, ranges]) => {
  const list = new BlockList();
  for (const range of ranges.split(' ')) {
    const [address, prefix] = range.split('/') as [string, string];
    list.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
  return [closed, list];
});

/**
 * IPv6 forms that carry an IPv4 address: the mapped ::ffff:a.b.c.d (which BlockList already reads
 * as IPv4) and NAT64's 64:ff9b::a.b.c.d, which a NAT64 gateway forwards to that IPv4 address.
 */
function embeddedIPv4(address: string): string | null {
  const nat64 = /^64:ff9b::(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!nat64) return null;
  if (nat64[1]) return nat64[1];
  const high = parseInt(nat64[2]!, 16);
  const low = parseInt(nat64[3]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Why an IP address is closed to webhooks, or null for a public one (or text that is no address). */
export function closedAddress(address: string): ClosedTarget | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 0) return null;
  const inner = version === 6 ? embeddedIPv4(bare) : null;
  if (inner) return closedAddress(inner);
  const family = version === 4 ? 'ipv4' : 'ipv6';
  for (const [closed, list] of LISTS) if (list.check(bare, family)) return closed;
  return null;
}

/** Names that mean this machine or a metadata service before any DNS is asked. */
const CLOSED_NAMES: [RegExp, ClosedTarget][] = [
  [/(^|\.)localhost$/, ClosedTarget.LOOPBACK],
  [/^(metadata\.google\.internal|metadata\.goog|metadata|instance-data(\.ec2\.internal)?)$/, ClosedTarget.METADATA],
];

/**
 * Why a URL's host is closed to webhooks, judged from the URL alone: an IP literal (in any of the
 * forms the URL parser turns into one, such as http://2130706433/) or a name reserved for this
 * machine or the metadata service. A name that DNS points inside is caught at delivery time.
 */
export function closedHost(hostname: string): ClosedTarget | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const byAddress = closedAddress(host);
  if (byAddress) return byAddress;
  return CLOSED_NAMES.find(([name]) => name.test(host))?.[1] ?? null;
}

/**
 * Why a delivery to `host` may not go, given every address its name resolves to: any one closed
 * address refuses it, since the connection could use any of them.
 */
export function closedResolution(host: string, addresses: readonly string[]): string | null {
  for (const address of addresses) {
    const closed = closedAddress(address);
    if (closed) return `${host} resolves to ${address}, ${describeClosed(closed)}`;
  }
  return null;
}
