// Maps a customer's IP address to an ISO 3166-1 alpha-2 country code with geoip-country.
import { createRequire } from 'node:module';
import { isIP } from 'node:net';

type GeoIp = { lookup(ip: string): { country: string } | null };

let geoip: GeoIp | undefined;

function loadGeoIp(): GeoIp {
  // Requiring the package reads ~8 MB of tables synchronously; do it on the first lookup, once.
  geoip ??= createRequire(import.meta.url)('geoip-country') as GeoIp;
  return geoip;
}

// geoip-country unwraps only the dotted form of IPv4-mapped IPv6 and misreads the hex form
// (::ffff:7f00:1 comes back as 'US'), so both forms are turned into plain IPv4 first.
function unmapIpv4(address: string): string {
  const tail = /^(?:::|(?:0{1,4}:){5})ffff:(.+)$/i.exec(address)?.[1];
  if (!tail) return address;
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex) return address;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

export function countryFromIp(ip: string | null | undefined): string | null {
  const address = ip?.trim();
  if (!address || isIP(address) === 0) return null;
  // Private, loopback, link-local and other reserved ranges are absent from the data, so give null.
  const country = loadGeoIp().lookup(unmapIpv4(address))?.country;
  return country ? country.toUpperCase() : null;
}
