/**
 * Per-API-key request rate limit: API_RATE_LIMIT_PER_SECOND requests a second (default 100), plus a
 * burst allowance of twice that over ten seconds. Counters live in memory, so the limit holds per web
 * process: N processes behind a load balancer admit up to N times the rate.
 */
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { NextRequest } from 'next/server';
import { tooManyRequests } from './errors';
import type { ApiContext } from './with-api-key';

const DEFAULT_PER_SECOND = 100;

export function rateLimitPerSecond(): number {
  const configured = Math.floor(Number(process.env.API_RATE_LIMIT_PER_SECOND));
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_PER_SECOND;
}

export function createApiRateLimiter(perSecond: number): BurstyRateLimiter {
  return new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: 'api', points: perSecond, duration: 1 }),
    new RateLimiterMemory({ keyPrefix: 'api-burst', points: perSecond * 2, duration: 10 }),
  );
}

let limiter: BurstyRateLimiter | undefined;

/** Counts one request for `key`; throws the 429 (with Retry-After) when over the limit. */
export async function consumeRateLimit(key: string): Promise<void> {
  limiter ??= createApiRateLimiter(rateLimitPerSecond());
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooManyRequests(error.msBeforeNext / 1000);
    throw error;
  }
}

/** Wraps an API-key handler (inside `withApiKey`) so that each key is rate limited. */
export function withRateLimit<P>(handler: (req: NextRequest, ctx: ApiContext<P>) => Promise<Response>) {
  return async (req: NextRequest, ctx: ApiContext<P>): Promise<Response> => {
    await consumeRateLimit(ctx.keyId);
    return handler(req, ctx);
  };
}
