import { expect, test } from 'vitest';
import { createApiRateLimiter, rateLimitPerSecond } from './rate-limit';

test('reads the limit from the environment, defaulting to 100 a second', () => {
  const saved = process.env.API_RATE_LIMIT_PER_SECOND;
  process.env.API_RATE_LIMIT_PER_SECOND = '3';
  expect(rateLimitPerSecond()).toBe(3);
  process.env.API_RATE_LIMIT_PER_SECOND = 'lots';
  expect(rateLimitPerSecond()).toBe(100);
  if (saved === undefined) delete process.env.API_RATE_LIMIT_PER_SECOND;
  else process.env.API_RATE_LIMIT_PER_SECOND = saved;
});

test('allows the rate plus a burst, then refuses', async () => {
  const limiter = createApiRateLimiter(2);
  const outcomes = await Promise.all(Array.from({ length: 8 }, () => limiter.consume('k').then(() => 'ok', () => 'limited')));
  // 2 a second plus a burst of 4 over ten seconds.
  expect(outcomes.filter((o) => o === 'ok')).toHaveLength(6);
});
