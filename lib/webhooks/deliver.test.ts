/** The signature the engine sends is the one the `standardwebhooks` package computes and verifies. */
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { expect, test } from 'vitest';
import { signatureHeader } from './deliver';

test('signatures equal the standardwebhooks package’s own, for any secret, id, time and body', () => {
  for (let i = 0; i < 50; i++) {
    const secret = `whsec_${randomBytes(24 + i).toString('base64')}`;
    const id = `evt_${randomBytes(8).toString('hex')}`;
    const at = new Date(1_700_000_000_000 + i * 997_123);
    const body = JSON.stringify({ id, text: 'ünïcødé ✓ "quoted" \n'.repeat(i % 5), n: i });
    const header = signatureHeader({ secret, previousSecret: null, previousSecretExpiresAt: null }, id, at, body);
    expect(header).toBe(new Webhook(secret).sign(id, at, body));
  }
});

test('during a rotation both secrets sign; after it, only the new one', () => {
  const [a, b] = [0, 1].map(() => `whsec_${randomBytes(32).toString('base64')}`);
  const at = new Date();
  const both = signatureHeader({ secret: a, previousSecret: b, previousSecretExpiresAt: new Date(at.getTime() + 1000) }, 'evt_1', at, '{}');
  expect(both).toBe(`${new Webhook(a).sign('evt_1', at, '{}')} ${new Webhook(b).sign('evt_1', at, '{}')}`);
  const after = signatureHeader({ secret: a, previousSecret: b, previousSecretExpiresAt: new Date(at.getTime() - 1000) }, 'evt_1', at, '{}');
  expect(after).toBe(new Webhook(a).sign('evt_1', at, '{}'));
});
