import { describe, expect, it } from 'vitest';
import { ClosedTarget, closedAddress, closedHost, closedResolution } from '../webhook-target.rules.js';

describe('addresses closed to webhooks', () => {
  it('are loopback, private, link-local, unspecified, carrier-grade NAT and metadata, in IPv4 and IPv6', () => {
    const cases: [string, ClosedTarget][] = [
      ['127.0.0.1', ClosedTarget.LOOPBACK],
      ['127.255.0.9', ClosedTarget.LOOPBACK],
      ['::1', ClosedTarget.LOOPBACK],
      ['10.1.2.3', ClosedTarget.PRIVATE],
      ['172.16.0.1', ClosedTarget.PRIVATE],
      ['172.31.255.254', ClosedTarget.PRIVATE],
      ['192.168.1.1', ClosedTarget.PRIVATE],
      ['fc00::1', ClosedTarget.PRIVATE],
      ['fd12:3456::1', ClosedTarget.PRIVATE],
      ['169.254.10.1', ClosedTarget.LINK_LOCAL],
      ['fe80::1', ClosedTarget.LINK_LOCAL],
      ['febf::1', ClosedTarget.LINK_LOCAL],
      ['0.0.0.0', ClosedTarget.UNSPECIFIED],
      ['::', ClosedTarget.UNSPECIFIED],
      ['100.64.0.1', ClosedTarget.SHARED],
      ['100.127.255.254', ClosedTarget.SHARED],
      ['169.254.169.254', ClosedTarget.METADATA],
      ['fd00:ec2::254', ClosedTarget.METADATA],
      ['224.0.0.1', ClosedTarget.RESERVED],
      ['255.255.255.255', ClosedTarget.RESERVED],
      ['ff02::1', ClosedTarget.RESERVED],
    ];
    for (const [address, closed] of cases) expect([address, closedAddress(address)]).toEqual([address, closed]);
  });

  it('include IPv4 addresses written as IPv6 (mapped, NAT64, bracketed, with a zone)', () => {
    expect(closedAddress('::ffff:127.0.0.1')).toBe(ClosedTarget.LOOPBACK);
    expect(closedAddress('::ffff:7f00:1')).toBe(ClosedTarget.LOOPBACK);
    expect(closedAddress('::ffff:a9fe:a9fe')).toBe(ClosedTarget.METADATA);
    expect(closedAddress('64:ff9b::10.0.0.1')).toBe(ClosedTarget.PRIVATE);
    expect(closedAddress('64:ff9b::a00:1')).toBe(ClosedTarget.PRIVATE);
    expect(closedAddress('[::1]')).toBe(ClosedTarget.LOOPBACK);
    expect(closedAddress('fe80::1%eth0')).toBe(ClosedTarget.LINK_LOCAL);
  });

  it('leave public addresses and the edges of each range open', () => {
    for (const open of [
      '8.8.8.8',
      '1.1.1.1',
      '172.15.255.255',
      '172.32.0.1',
      '100.63.255.255',
      '100.128.0.1',
      '169.253.255.255',
      '11.0.0.1',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ]) {
      expect([open, closedAddress(open)]).toEqual([open, null]);
    }
    expect(closedAddress('example.com')).toBeNull();
  });
});

describe("a hook URL's host", () => {
  it('is closed when it is a closed address in any form the URL parser reads as one', () => {
    const host = (url: string) => closedHost(new URL(url).hostname);
    expect(host('http://2130706433/')).toBe(ClosedTarget.LOOPBACK);
    expect(host('http://0x7f.1/')).toBe(ClosedTarget.LOOPBACK);
    expect(host('http://[::ffff:127.0.0.1]/')).toBe(ClosedTarget.LOOPBACK);
    expect(host('http://10.0.0.1:8080/x')).toBe(ClosedTarget.PRIVATE);
  });

  it('is closed when it names this machine or a metadata service', () => {
    expect(closedHost('localhost')).toBe(ClosedTarget.LOOPBACK);
    expect(closedHost('LOCALHOST.')).toBe(ClosedTarget.LOOPBACK);
    expect(closedHost('api.localhost')).toBe(ClosedTarget.LOOPBACK);
    expect(closedHost('metadata.google.internal')).toBe(ClosedTarget.METADATA);
    expect(closedHost('metadata.google.internal.')).toBe(ClosedTarget.METADATA);
    expect(closedHost('crm.example.com')).toBeNull();
    expect(closedHost('notlocalhost.example.com')).toBeNull();
  });

  it('is refused at delivery when any address it resolves to is closed', () => {
    expect(closedResolution('crm.example.com', ['93.184.216.34'])).toBeNull();
    expect(closedResolution('crm.example.com', ['93.184.216.34', '10.0.0.7'])).toBe('crm.example.com resolves to 10.0.0.7, a private address');
    expect(closedResolution('rebind.example', ['169.254.169.254'])).toMatch(/a cloud metadata service$/);
  });
});
