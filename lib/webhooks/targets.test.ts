import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { checkTarget, guardedLookup, isForbiddenAddress } from './targets';

afterEach(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE;
});

describe('isForbiddenAddress', () => {
  test.each([
    '127.0.0.1', '127.255.255.254', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '100.127.255.255',
    '0.0.0.0', '224.0.0.1', '239.255.255.250', '255.255.255.255', '::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'ff02::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::10.0.0.1', '::127.0.0.1', '[::1]', 'not-an-ip',
  ])('%s is refused', (address) => expect(isForbiddenAddress(address)).toBe(true));

  test.each(['93.184.216.34', '8.8.8.8', '100.128.0.1', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001:80b::200e'])('%s is allowed', (address) =>
    expect(isForbiddenAddress(address)).toBe(false),
  );
});

describe('checkTarget', () => {
  test.each(['http://localhost:8080/hook', 'http://127.0.0.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/', 'https://10.1.2.3/x', 'http://169.254.169.254/latest/meta-data', 'http://0.0.0.0:80/'])(
    'refuses %s',
    async (url) => {
      await expect(checkTarget(url)).rejects.toThrow(/internal address/);
    },
  );

  test.each(['ftp://93.184.216.34/', 'javascript:alert(1)', 'not a url', 'http://user:pw@93.184.216.34/'])('refuses the malformed %s', async (url) => {
    await expect(checkTarget(url)).rejects.toThrow();
  });

  test('accepts a public address, and private ones when WEBHOOK_ALLOW_PRIVATE=1', async () => {
    await expect(checkTarget('https://93.184.216.34/hooks')).resolves.toBeInstanceOf(URL);
    await expect(checkTarget('http://localhost:1/')).rejects.toThrow();
    process.env.WEBHOOK_ALLOW_PRIVATE = '1';
    await expect(checkTarget('http://localhost:1/')).resolves.toBeInstanceOf(URL);
  });
});

describe('guardedLookup at connect time', () => {
  async function receiver() {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, hits: () => hits, close: () => new Promise((r) => server.close(r)) };
  }
  const get = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({ host: 'localhost', port, path: '/', lookup: guardedLookup, family: 4 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });

  test('a name that resolves to a loopback address is never connected to', async () => {
    const r = await receiver();
    await expect(get(r.port)).rejects.toMatchObject({ code: 'ETARGETREFUSED' });
    expect(r.hits()).toBe(0);
    process.env.WEBHOOK_ALLOW_PRIVATE = '1';
    await expect(get(r.port)).resolves.toBe(200);
    expect(r.hits()).toBe(1);
    await r.close();
  });
});
