/**
 * One `/v1/batch` item, validated on its own into an IngestItem (or the 422 it answers with), so that
 * one bad item never rejects the others.
 */
import { zodDetails, type ErrorDetail } from '@/lib/api/errors';
import type { IngestItem } from '../types';
import { batchBodySchemas, batchItemSchema } from './schemas';

export type BatchItemError = { code: string; message: string; details?: ErrorDetail[] };

export type Checked = { ok: true; id: string; item: IngestItem } | { ok: false; id: string | null; error: BatchItemError };

const prefixed = (details: ErrorDetail[], prefix: string) =>
  details.map((d) => ({ ...d, path: d.path === '(root)' ? prefix : `${prefix}.${d.path}` }));

function invalid(id: string | null, details: ErrorDetail[]): Checked {
  return { ok: false, id, error: { code: 'validation_error', message: 'Invalid batch item', details } };
}

/** Validates one raw item into an IngestItem, or the 422 error it answers with. */
export function checkBatchItem(raw: unknown): Checked {
  const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
  const envelope = batchItemSchema.safeParse(raw);
  if (!envelope.success) return invalid(rawId, zodDetails(envelope.error));
  const { id, type, timestamp } = envelope.data;
  const at = timestamp ?? null;
  const parsed = batchBodySchemas[type].safeParse(envelope.data.body);
  if (!parsed.success) return invalid(id, prefixed(zodDetails(parsed.error), 'body'));
  const body = parsed.data;
  // The body schema was picked by `type`, so the pair is consistent; TS cannot follow that lookup.
  const item = 'conversationId' in body && type !== 'event' ? { at, key: id, type, conversationId: body.conversationId, body } : { at, key: id, type, body };
  return { ok: true, id, item: item as IngestItem };
}
