// Buckets a user agent into desktop, tablet or mobile with ua-parser-js; bots and unknowns give null.
import { UAParser } from 'ua-parser-js';
import { isBot } from 'ua-parser-js/bot-detection';
import { Bots } from 'ua-parser-js/extensions';

export type Device = 'desktop' | 'tablet' | 'mobile';

export function deviceFromUserAgent(ua: string | null | undefined): Device | null {
  const text = ua?.trim();
  if (!text) return null;
  // Without the Bots extension a result never names a crawler, fetcher, CLI or HTTP library, and
  // isBot(result) would always say false.
  const result = new UAParser(text, Bots).getResult();
  if (isBot(result) || /headless/i.test(result.browser.name ?? '')) return null;
  switch (result.device.type) {
    case 'mobile':
    case 'wearable':
      return 'mobile';
    case 'tablet':
      return 'tablet';
    case undefined:
      // ua-parser-js leaves the device type of desktop browsers unset; a known OS tells them from noise.
      return result.os.name ? 'desktop' : null;
    default:
      // Consoles, smart TVs, XR headsets and embedded devices fit none of the three buckets.
      return null;
  }
}
