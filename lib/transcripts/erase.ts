/** GDPR erasure of one conversation or of every conversation of a customer, recorded in the audit log in the same transaction. */
import { createHash } from 'node:crypto';
import { insertAuditEntry } from '@/db/queries/audit';
import { eraseConversationRows } from '@/db/queries/transcripts-erase';
import { withRetryableTransaction } from '@/db/transaction';

/** Who asked: a signed-in user (dashboard) or an API key. */
export type EraseActor = { userId?: string | null; apiKeyId?: string | null };

const actorFields = (actor: EraseActor) => ({ actorUserId: actor.userId ?? null, actorApiKeyId: actor.apiKeyId ?? null });

/** True when the conversation existed in this workspace and is now gone. */
export async function eraseConversation(workspaceId: string, id: string, actor: EraseActor): Promise<boolean> {
  return withRetryableTransaction(async (tx) => {
    const erased = await eraseConversationRows(tx, workspaceId, { conversationId: id });
    if (erased.length === 0) return false;
    await insertAuditEntry(tx, workspaceId, { ...actorFields(actor), action: 'conversation.erased', targetType: 'conversation', targetId: id });
    return true;
  });
}

/**
 * Erases every conversation of `customerId`; returns how many. The audit entry keeps a hash of the
 * customer id, not the id itself, so the log does not undo the erasure.
 */
export async function eraseCustomer(workspaceId: string, customerId: string, actor: EraseActor): Promise<number> {
  const customerHash = createHash('sha256').update(customerId).digest('hex').slice(0, 16);
  return withRetryableTransaction(async (tx) => {
    const erased = await eraseConversationRows(tx, workspaceId, { customerId });
    await insertAuditEntry(tx, workspaceId, {
      ...actorFields(actor),
      action: 'customer.erased',
      targetType: 'customer',
      targetId: `sha256:${customerHash}`,
      details: { conversations: erased.length },
    });
    return erased.length;
  });
}
