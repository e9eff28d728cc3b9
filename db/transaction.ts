/**
 * Transactions that retry when PostgreSQL aborts them for a deadlock (40P01) or a serialization failure
 * (40001). Writers lock in one order (db/lock-order.ts), so these are rare, but a retry is always safe:
 * the aborted attempt wrote nothing. Every writer that locks conversations goes through here.
 */
import type { TransactionSql } from 'postgres';
import { sql } from './index';

const RETRYABLE_CODES = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

const codeOf = (error: unknown): string | undefined =>
  (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;

export function isRetryableTransactionError(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

export type RetryOptions = {
  /** Further errors worth another attempt (e.g. a row a concurrent transaction created meanwhile). */
  retryIf?: (error: unknown) => boolean;
  attempts?: number;
};

/** Runs `work` in a transaction, again (up to `attempts` times in all) while it fails retryably. */
export async function withRetryableTransaction<T>(work: (tx: TransactionSql) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return (await sql.begin(work)) as T;
    } catch (error) {
      const retryable = isRetryableTransactionError(error) || (options.retryIf?.(error) ?? false);
      if (!retryable || attempt >= attempts) throw error;
      // A short random pause, so that the transactions that collided do not meet again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
