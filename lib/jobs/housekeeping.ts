/**
 * Periodic clean-up the worker schedules. Batch item ids are remembered for IDEMPOTENCY_KEY_RETENTION_DAYS:
 * long past any client's retry, and a late replay still adds nothing that has an id of its own (messages,
 * actions, events, conversations are idempotent by their rows).
 */
import { deleteIdempotencyKeysBefore } from '@/db/queries/idempotency';
import { pruneDeliveries } from '@/db/queries/webhooks';

export const IDEMPOTENCY_KEY_RETENTION_DAYS = 7;
const CHUNK = 10_000;

/**
 * Deletes expired batch item keys in short chunks (each its own statement); returns how many went. Every
 * workspace's (the worker) unless `workspaceIds` names some (tests).
 */
export async function pruneIdempotencyKeys(now: Date = new Date(), options: { workspaceIds?: string[] } = {}): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_KEY_RETENTION_DAYS * 86_400_000);
  let total = 0;
  for (;;) {
    const deleted = await deleteIdempotencyKeysBefore(before, CHUNK, options.workspaceIds ?? null);
    total += deleted;
    if (deleted < CHUNK) return total;
  }
}

export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;

/** Deletes webhook deliveries (and their attempts) older than 30 days that are no longer pending; returns how many. */
export async function pruneWebhookDeliveries(now: Date = new Date(), options: { workspaceIds?: string[] } = {}): Promise<number> {
  const before = new Date(now.getTime() - WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000);
  let total = 0;
  for (;;) {
    const deleted = await pruneDeliveries(before, CHUNK, options.workspaceIds ?? null);
    total += deleted;
    if (deleted < CHUNK) return total;
  }
}
