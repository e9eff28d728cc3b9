// Buckets a user agent into desktop, tablet or mobile with ua-parser-js (v1, MIT); bots and unknowns give null.
import { UAParser } from 'ua-parser-js';

export type Device = 'desktop' | 'tablet' | 'mobile';

// ua-parser-js v1 has no bot detection of its own; these name crawlers, fetchers, CLIs and HTTP libraries.
const BOT = /bot\b|crawl|spider|slurp|fetch|curl\/|wget\/|python-requests|httpclient|okhttp|go-http-client|axios\/|node-fetch|headless|lighthouse|preview/i;

export function deviceFromUserAgent(ua: string | null | undefined): Device | null {
  const text = ua?.trim();
  if (!text || BOT.test(text)) return null;
  const result = new UAParser(text).getResult();
  switch (result.device.type) {
    case 'mobile':
    case 'wearable':
      return 'mobile';
    case 'tablet':
      return 'tablet';
    case undefined:
      // Desktop browsers have no device type; a known OS tells them from noise.
      return result.os.name ? 'desktop' : null;
    default:
      // Consoles, smart TVs, XR headsets and embedded devices fit none of the three buckets.
      return null;
  }
}
