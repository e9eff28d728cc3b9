/** Fixed-window counters in the database, shared by every web process. */
import { sql } from '../index';

/** Adds one hit to `key` in the window starting at `windowStart` and returns the window's count. */
export async function incrementRateLimit(key: string, windowStart: Date): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    insert into rate_limit_buckets (key, window_start, count) values (${key}, ${windowStart}, 1)
    on conflict (key, window_start) do update set count = rate_limit_buckets.count + 1
    returning count`;
  return row.count;
}

/** Takes one hit back from `key`'s window (never below zero). */
export async function forgiveRateLimitHit(key: string, windowStart: Date): Promise<void> {
  await sql`update rate_limit_buckets set count = greatest(count - 1, 0) where key = ${key} and window_start = ${windowStart}`;
}

export async function clearRateLimit(key: string): Promise<void> {
  await sql`delete from rate_limit_buckets where key = ${key}`;
}

/** Old windows are useless; dropped opportunistically. */
export async function pruneRateLimits(before: Date): Promise<void> {
  await sql`delete from rate_limit_buckets where window_start < ${before}`;
}
