import { describe, expect, it } from 'vitest';
import { UA } from '../test-support/fixtures';
import { isIpv4, isIpv6, maskIpAddresses } from './ip-addresses';

const mask = (text: string): string => maskIpAddresses(text, () => '[IP address]');

/** Text that looks like it holds an address and must come back unchanged. */
const nearMisses: readonly { readonly name: string; readonly text: string }[] = [
  { name: 'a Click-to-Run Outlook build (5-digit part)', text: 'Outlook 16.0.17928.20114' },
  { name: 'a Chrome version with a part over 255', text: 'Chrome/120.0.6099.130' },
  { name: 'a product token whose version is a valid quad', text: 'Chrome/139.0.0.0 Safari/537.36' },
  { name: 'the fixtures’ Chrome user agent', text: UA.chrome },
  { name: 'an MSI Outlook user agent', text: UA.outlook2016 },
  { name: 'a Polycom firmware version', text: UA.vvx },
  { name: 'a Yealink firmware label', text: 'Yealink T46S (firmware 66.86.0.15)' },
  { name: 'a Poly UCS label', text: 'Polycom VVX 500 (UCS 5.9.7.3)' },
  { name: 'a version after "v"', text: 'agent v1.2.3.4' },
  { name: 'a version after "version:"', text: 'version: 10.0.0.1' },
  { name: 'an ISO timestamp with milliseconds', text: '2026-11-25T14:00:00.000Z' },
  { name: 'an ISO timestamp with offset', text: 'at 2026-11-25T14:05:09+01:00' },
  { name: 'a clock time', text: 'between 14:00 and 14:05:30' },
  { name: 'a window of two times', text: '2026-11-25T14:00:00.000Z – 2026-11-25T16:00:00.000Z' },
  { name: 'an AADSTS code', text: 'AADSTS50126: Error validating credentials' },
  { name: 'a registry path with a version', text: 'HKCU\\Software\\Microsoft\\Office\\15.0\\Common\\Identity' },
  { name: 'five dotted numbers', text: 'build 1.2.3.4.5 and 10.0.0.1.2' },
  { name: 'three dotted numbers', text: 'release 1.2.3 and 198.51.100' },
  { name: 'an octet over 255', text: '256.1.1.1 and 1.2.3.999' },
  { name: 'a leading zero (versions write them, addresses do not)', text: '16.00.01.02' },
  { name: 'Windows NT versions', text: 'Windows NT 10.0; Win64; x64' },
  { name: 'C++-style names', text: 'std::vector and Class::method and a::' },
  { name: 'a lone double colon', text: 'x :: y' },
  { name: 'a MAC address (six groups)', text: 'mac 00:15:65:4c:4c:26' },
  { name: 'a GUID', text: 'sign-in 6f1c4a2e-8d3b-4c5a-9e7f-1a2b3c4d5e6f' },
  { name: 'an Okta app key in a URL', text: 'http://www.okta.com/exk1a2b3c4D5e6F7g8h9' },
  { name: 'an address glued to a word', text: 'host1.2.3.4 and 1.2.3.4x' },
  { name: 'hex letters before a quad', text: 'cafe1.2.3.4' },
  { name: 'an IPv6-like run with too many groups', text: '1:2:3:4:5:6:7:8:9' },
  { name: 'two double colons', text: '2001::db8::1' },
  { name: 'a group of five hex digits', text: '2001:db8a1::1' },
  { name: 'a date with dots', text: '25.11.2026' },
  { name: 'a ratio', text: '3:2' },
];

/** Text with addresses and what it must become. */
const hits: readonly { readonly name: string; readonly text: string; readonly expected: string }[] = [
  { name: 'a bare IPv4', text: '1.2.3.4', expected: '[IP address]' },
  { name: 'IPv4 in a sentence with a full stop', text: 'from 203.0.113.9.', expected: 'from [IP address].' },
  {
    name: 'IPv4 in parentheses with a zone',
    text: 'where the user is (192.0.2.120, zone "Anonymizers")',
    expected: 'where the user is ([IP address], zone "Anonymizers")',
  },
  { name: 'IPv4 with a port', text: 'connect 198.51.100.7:443 now', expected: 'connect [IP address]:443 now' },
  { name: 'IPv4 CIDR', text: 'gateway 198.51.100.0/25', expected: 'gateway [IP address]/25' },
  { name: 'IPv4 in a URL', text: 'https://10.0.0.1/adfs/ls', expected: 'https://[IP address]/adfs/ls' },
  { name: 'IPv4 after a label colon', text: 'Host:10.0.0.1', expected: 'Host:[IP address]' },
  { name: 'IPv4 after equals', text: 'ip=10.1.2.3;', expected: 'ip=[IP address];' },
  { name: 'an IPv4 range', text: '10.0.0.1-10.0.0.5', expected: '[IP address]-[IP address]' },
  { name: 'an IPv4 list', text: '1.2.3.4,5.6.7.8', expected: '[IP address],[IP address]' },
  { name: 'IPv4 in JSON', text: '{"ip":"198.51.100.23"}', expected: '{"ip":"[IP address]"}' },
  { name: 'a bracketed IPv4', text: 'peer [192.0.2.1]', expected: 'peer [IP address]' },
  { name: 'the zero address and broadcast', text: '0.0.0.0 255.255.255.255', expected: '[IP address] [IP address]' },
  { name: 'full IPv6', text: 'at 2001:0db8:85a3:0000:0000:8a2e:0370:7334', expected: 'at [IP address]' },
  { name: 'compressed IPv6', text: 'at 2001:db8:85a3::8a2e:370:7334.', expected: 'at [IP address].' },
  { name: 'loopback IPv6', text: 'from ::1 only', expected: 'from [IP address] only' },
  { name: 'IPv4-mapped IPv6', text: 'from ::ffff:198.51.100.74', expected: 'from [IP address]' },
  { name: 'NAT64 IPv6', text: '64:ff9b::192.0.2.33', expected: '[IP address]' },
  { name: 'upper-case IPv6', text: 'FE80::1FF:FE23:4567:890A', expected: '[IP address]' },
  { name: 'IPv6 with a zone id', text: 'fe80::1%eth0', expected: '[IP address]%eth0' },
  { name: 'bracketed IPv6 with a port', text: '[2001:db8::1]:443', expected: '[IP address]:443' },
  { name: 'IPv6 followed by a colon', text: 'address 2001:db8::1: denied', expected: 'address [IP address]: denied' },
  { name: 'trailing double colon', text: 'prefix 2001:db8:: here', expected: 'prefix [IP address] here' },
];

describe('maskIpAddresses', () => {
  it.each(nearMisses)('leaves $name alone', ({ text }) => {
    expect(mask(text)).toBe(text);
  });

  it.each(hits)('masks $name', ({ text, expected }) => {
    expect(mask(text)).toBe(expected);
  });

  it('passes each address to the mask as written', () => {
    const seen: string[] = [];
    maskIpAddresses('a 1.2.3.4, b [2001:DB8::1]:80, c 5.6.7.8:22', (ip) => {
      seen.push(ip);
      return 'x';
    });
    expect(seen).toEqual(['1.2.3.4', '2001:DB8::1', '5.6.7.8']);
  });
});

describe('isIpv4 and isIpv6', () => {
  it.each([
    ['1.2.3.4', true],
    ['255.255.255.255', true],
    ['256.0.0.1', false],
    ['01.2.3.4', false],
    ['1.2.3', false],
    ['1.2.3.4.5', false],
    ['1..3.4', false],
  ] as const)('isIpv4(%s) is %s', (text, expected) => {
    expect(isIpv4(text)).toBe(expected);
  });

  it.each([
    ['::1', true],
    ['2001:db8::', true],
    ['::ffff:1.2.3.4', true],
    ['1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:1.2.3.4', true],
    ['::', false],
    ['a::', false],
    ['fe80::', false],
    ['1:2:3:4:5:6:7', false],
    ['1::2::3', false],
    [':::1', false],
    ['1:2:3:4:5:6:7::8', false],
    ['::ffff:1.2.3.256', false],
    ['12345::1', false],
    ['14:00:00.000', false],
  ] as const)('isIpv6(%s) is %s', (text, expected) => {
    expect(isIpv6(text)).toBe(expected);
  });
});
