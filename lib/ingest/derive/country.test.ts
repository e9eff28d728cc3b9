import { expect, test } from 'vitest';
import { countryFromIp } from './country';

// Countries checked against the bundled GeoLite2 data; chosen for long-lived, single-country owners.
test('maps public IPv4 addresses to their country', () => {
  expect(countryFromIp('8.8.8.8')).toBe('US'); // Google DNS
  expect(countryFromIp('81.169.145.105')).toBe('DE'); // Strato, Berlin
  expect(countryFromIp('202.12.27.33')).toBe('JP'); // M root server, WIDE Project
  expect(countryFromIp('200.160.0.8')).toBe('BR'); // NIC.br
});

test('maps public IPv6 addresses to their country', () => {
  expect(countryFromIp('2001:4860:4860::8888')).toBe('US');
  expect(countryFromIp('2001:200::1')).toBe('JP');
});

test('unwraps IPv4-mapped IPv6 in dotted and hex form', () => {
  expect(countryFromIp('::ffff:8.8.8.8')).toBe('US');
  expect(countryFromIp('::FFFF:200.160.0.8')).toBe('BR');
  expect(countryFromIp('0:0:0:0:0:ffff:8.8.8.8')).toBe('US');
  expect(countryFromIp('::ffff:808:808')).toBe('US');
  expect(countryFromIp('::ffff:7f00:1')).toBeNull(); // 127.0.0.1
  expect(countryFromIp('::ffff:c0a8:101')).toBeNull(); // 192.168.1.1
});

test('trims surrounding whitespace', () => {
  expect(countryFromIp(' 8.8.8.8\n')).toBe('US');
});

test('gives null for private, loopback, link-local and reserved addresses', () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.1.1', '169.254.1.1', '100.64.0.1', '0.0.0.0']) {
    expect(countryFromIp(ip), ip).toBeNull();
  }
  for (const ip of ['::1', '::', 'fe80::1', 'fd12:3456:789a::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
    expect(countryFromIp(ip), ip).toBeNull();
  }
});

test('gives null for missing or malformed input', () => {
  for (const ip of [null, undefined, '', '   ', 'not-an-ip', '8.8.8', '256.1.1.1', '8.8.8.8:443', '[2001:4860:4860::8888]']) {
    expect(countryFromIp(ip), String(ip)).toBeNull();
  }
});
