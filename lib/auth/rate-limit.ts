/** Sign-in throttling: too many attempts per email or per client address within a window are refused. */
import { clearRateLimit, forgiveRateLimitHit, incrementRateLimit, pruneRateLimits } from '@/db/queries/rate-limit';

const WINDOW_MS = 15 * 60_000;
export const LOGIN_LIMITS = { perEmail: 10, perIp: 50 } as const;

export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const windowOf = (now: Date) => new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);

export async function consumeLoginAttempt(email: string, ip: string | null, now = new Date()): Promise<LimitResult> {
  const windowStart = windowOf(now);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000);
  const byEmail = await incrementRateLimit(`login:email:${email.trim().toLowerCase()}`, windowStart);
  const byIp = ip ? await incrementRateLimit(`login:ip:${ip}`, windowStart) : 0;
  if (Math.random() < 0.01) await pruneRateLimits(new Date(windowStart.getTime() - WINDOW_MS));
  if (byEmail > LOGIN_LIMITS.perEmail || byIp > LOGIN_LIMITS.perIp) return { allowed: false, retryAfterSeconds };
  return { allowed: true };
}

/**
 * A successful sign-in forgives the email's failed attempts, and takes its own attempt back from the client
 * address's count: the per-address limit counts failures, so an office behind one address (or a test
 * suite) can sign in as often as it needs while guessing stays limited.
 */
export async function resetLoginAttempts(email: string, ip: string | null = null, now = new Date()): Promise<void> {
  await clearRateLimit(`login:email:${email.trim().toLowerCase()}`);
  if (ip) await forgiveRateLimitHit(`login:ip:${ip}`, windowOf(now));
}

const RESET_LIMITS = { perEmail: 3, perIp: 20 } as const;

/** Password-reset e-mails: a few per address and client per window, so the form cannot flood an inbox. */
export async function consumePasswordResetRequest(email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const byEmail = await incrementRateLimit(`reset:email:${email.trim().toLowerCase()}`, windowStart);
  const byIp = ip ? await incrementRateLimit(`reset:ip:${ip}`, windowStart) : 0;
  return byEmail <= RESET_LIMITS.perEmail && byIp <= RESET_LIMITS.perIp;
}
