import { expect, test } from 'vitest';
import { deviceFromUserAgent } from './device';

const userAgents = {
  iPhone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  pixel:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36',
  reducedAndroidPhone:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36',
  iPad: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  galaxyTab:
    'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  windowsChrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36',
  macSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  linuxFirefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0',
  googlebot: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  googlebotSmartphone:
    'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.175 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  gptBot: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
  curl: 'curl/8.5.0',
  pythonRequests: 'python-requests/2.31.0',
  headlessChrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/125.0.0.0 Safari/537.36',
  smartTv:
    'Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/4.0 Chrome/76.0.3809.146 TV Safari/537.36',
};

test('phones are mobile', () => {
  expect(deviceFromUserAgent(userAgents.iPhone)).toBe('mobile');
  expect(deviceFromUserAgent(userAgents.pixel)).toBe('mobile');
  expect(deviceFromUserAgent(userAgents.reducedAndroidPhone)).toBe('mobile');
});

test('iPads and Android tablets are tablets', () => {
  expect(deviceFromUserAgent(userAgents.iPad)).toBe('tablet');
  expect(deviceFromUserAgent(userAgents.galaxyTab)).toBe('tablet');
});

test('Windows, Mac and Linux browsers are desktop', () => {
  expect(deviceFromUserAgent(userAgents.windowsChrome)).toBe('desktop');
  expect(deviceFromUserAgent(userAgents.macSafari)).toBe('desktop');
  expect(deviceFromUserAgent(userAgents.linuxFirefox)).toBe('desktop');
});

test('bots, scripts and headless browsers give null', () => {
  for (const name of ['googlebot', 'googlebotSmartphone', 'gptBot', 'curl', 'pythonRequests', 'headlessChrome'] as const) {
    expect(deviceFromUserAgent(userAgents[name]), name).toBeNull();
  }
});

test('missing, unrecognisable and non-personal devices give null', () => {
  expect(deviceFromUserAgent(null)).toBeNull();
  expect(deviceFromUserAgent(undefined)).toBeNull();
  expect(deviceFromUserAgent('  ')).toBeNull();
  expect(deviceFromUserAgent('asdf qwerty')).toBeNull();
  expect(deviceFromUserAgent(userAgents.smartTv)).toBeNull();
});
