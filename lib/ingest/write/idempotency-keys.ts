/**
 * The idempotency ledger of batch item ids (idempotency_keys): which items need a row, and the rows a
 * batch records in its own transaction.
 */
import type { IngestItem, ItemOutcome } from '../types';

export const IDEMPOTENCY_PREFIX = 'batch:';

/**
 * A message, tool call or event whose id is its batch item's id (given so, or taken from it when the body has
 * none; the SDKs send them so): its row is the record of the item id, and a resend meets it there.
 */
export function isOwnRecord(item: IngestItem): boolean {
  if (item.type !== 'message' && item.type !== 'action' && item.type !== 'event') return false;
  return !!item.key && (item.body.id === undefined || item.body.id === null || item.body.id === item.key);
}

/** Each keyed item's status, except items refused past the quota (nothing was written) and own records. */
export function idempotencyKeys(items: IngestItem[], outcomes: ItemOutcome[]): { key: string; status: number }[] {
  return outcomes.flatMap((o, i) => (items[i].key && o.status !== 429 && !isOwnRecord(items[i]) ? [{ key: IDEMPOTENCY_PREFIX + items[i].key, status: o.status }] : []));
}
