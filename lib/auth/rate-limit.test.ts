import { afterAll, expect, test } from 'vitest';
import { closeDb } from '@/db';
import { uniqueEmail } from '@/test/factories';
import { consumeLoginAttempt, LOGIN_LIMITS, resetLoginAttempts } from './rate-limit';

afterAll(closeDb);

test('sign-in attempts for one email are refused past the limit, with the time to wait', async () => {
  const email = uniqueEmail();
  const now = new Date('2026-01-01T10:01:00Z');
  for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) expect((await consumeLoginAttempt(email, null, now)).allowed).toBe(true);
  const refused = await consumeLoginAttempt(email.toUpperCase(), null, now);
  expect(refused).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
  expect((await consumeLoginAttempt(uniqueEmail(), null, now)).allowed).toBe(true);
  expect((await consumeLoginAttempt(email, null, new Date('2026-01-01T10:16:00Z'))).allowed).toBe(true);
});

test('a successful sign-in forgives the failed attempts; one address is limited across emails', async () => {
  const email = uniqueEmail();
  const now = new Date('2026-01-02T10:00:00Z');
  for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) await consumeLoginAttempt(email, null, now);
  await resetLoginAttempts(email);
  expect((await consumeLoginAttempt(email, null, now)).allowed).toBe(true);

  const ip = `198.51.100.${Math.floor(Math.random() * 250)}-${Date.now()}`;
  let last = true;
  for (let i = 0; i <= LOGIN_LIMITS.perIp; i++) last = (await consumeLoginAttempt(uniqueEmail(), ip, now)).allowed;
  expect(last).toBe(false);
});

test('successful sign-ins do not use up the address: its limit counts failures', async () => {
  const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${Date.now()}`;
  const now = new Date();
  for (let i = 0; i < LOGIN_LIMITS.perIp * 2; i++) {
    const email = uniqueEmail();
    expect((await consumeLoginAttempt(email, ip, now)).allowed).toBe(true);
    await resetLoginAttempts(email, ip, now);
  }
  let last = true;
  for (let i = 0; i <= LOGIN_LIMITS.perIp; i++) last = (await consumeLoginAttempt(uniqueEmail(), ip, now)).allowed;
  expect(last).toBe(false);
});
