/**
 * Which webhook targets Confab will call (DESIGN §7): `http` or `https` URLs whose host resolves only to
 * public addresses. Loopback, private, link-local, CGNAT, multicast, unspecified (and other reserved)
 * addresses are refused — IPv4, IPv6 and IPv4 inside IPv6 — at creation and again on the address a
 * delivery actually connects to (`guardedLookup`), so a name that re-resolves to a private address
 * (DNS rebinding) gets nowhere. `WEBHOOK_ALLOW_PRIVATE=1` lifts the rule (self-hosting on one box, tests).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promises as dns } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { z } from 'zod';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
  ['2001:db8::', 32], // documentation
  ['100::', 64], // discard-only
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address an IPv6 one carries (IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`). */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Whether an IP address is one a webhook may not reach (anything that is not a public unicast address). */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(bare);
  if (v4 !== undefined) return blocked.check(v4, 'ipv4');
  return blocked.check(bare, 'ipv6');
}

export const privateTargetsAllowed = () => process.env.WEBHOOK_ALLOW_PRIVATE === '1';

export class TargetRefused extends Error {}

/** Parses a webhook URL: http(s), a host, no credentials. Throws TargetRefused with the reason. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('Must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetRefused('Must be an http or https URL');
  if (!url.hostname) throw new TargetRefused('Must name a host');
  if (url.username || url.password) throw new TargetRefused('Must not carry credentials');
  return url;
}

/**
 * The check at creation: the URL is well formed and no address its host resolves to now is internal. A name
 * that does not resolve yet is let through — nothing can be sent to it until it does, and every attempt
 * checks the address it connects to.
 */
export async function checkTarget(raw: string): Promise<URL> {
  const url = parseTargetUrl(raw);
  if (privateTargetsAllowed()) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (isForbiddenAddress(host)) throw new TargetRefused('Must not point at a loopback, private, link-local or otherwise internal address');
    return url;
  }
  let addresses: LookupAddress[] = [];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    // Not resolvable now: see above.
  }
  if (addresses.some((a) => isForbiddenAddress(a.address))) {
    throw new TargetRefused(`The host ${host} resolves to a loopback, private, link-local or otherwise internal address`);
  }
  return url;
}

/**
 * The `lookup` a delivery connects with: it resolves the name and hands the socket only addresses that pass
 * the rule, so the address checked is the address connected to.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as unknown as LookupAddress[];
    const allowed = privateTargetsAllowed() ? list : list.filter((a) => !isForbiddenAddress(a.address));
    if (!allowed.length) {
      const refused = Object.assign(new TargetRefused(`${hostname} resolves only to internal addresses`), { code: 'ETARGETREFUSED' });
      return callback(refused, '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0].address, allowed[0].family);
  });
};

/** The literal-address check at connect time (Node does not call `lookup` for an IP literal). */
export function checkLiteralHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !privateTargetsAllowed() && isForbiddenAddress(host)) {
    throw new TargetRefused('Must not point at a loopback, private, link-local or otherwise internal address');
  }
}

export const MAX_URL_LENGTH = 2000;

/** A URL Confab will POST to (a webhook endpoint, an alert's Slack hook): http(s), no control characters, its literal host allowed by the target rule. */
export const targetUrlSchema = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH, `Must be at most ${MAX_URL_LENGTH} characters`)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s) && s.isWellFormed(), 'Must not contain control characters or invalid Unicode')
  .superRefine((s, ctx) => {
    try {
      parseTargetUrl(s);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof TargetRefused ? error.message : 'Must be an http or https URL' });
    }
  });
