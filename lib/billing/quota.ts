/**
 * The conversation quota, applied inside the ingest transaction: new conversations are counted into the
 * period's usage row in one statement, and those past the plan's limit are refused (429 `quota_exceeded`)
 * with every item of theirs. Existing conversations are never refused. Billing off: no SQL at all.
 */
import type { TransactionSql } from 'postgres';
import { findWorkspaceById } from '@/db/queries/accounts';
import { admitConversations, type Admission } from '@/db/queries/billing';
import { listMemberEmails } from '@/db/queries/team';
import { sendMail } from '@/lib/mail';
import { billingEnabled, limitsJson, PAST_DUE_GRACE_DAYS } from './plans';

export type QuotaRefusal = { code: 'quota_exceeded'; message: string; retryAfterSeconds: number };

export type QuotaDecision = {
  /** New conversations refused, with all their items. */
  refused: Set<string>;
  refusal: QuotaRefusal | null;
  /** Runs after the commit: the 80 % / 100 % e-mail, when this batch crossed one. */
  afterCommit: (() => Promise<void>) | null;
};

const ADMIT_ALL: QuotaDecision = { refused: new Set(), refusal: null, afterCommit: null };

/** `newConversationIds` in input order: when only some fit, the first ones are admitted. */
export async function admitNewConversations(tx: TransactionSql, workspaceId: string, newConversationIds: string[]): Promise<QuotaDecision> {
  if (newConversationIds.length === 0 || !billingEnabled()) return ADMIT_ALL;
  const admission = await admitConversations(tx, workspaceId, newConversationIds.length, limitsJson(), PAST_DUE_GRACE_DAYS);
  if (!admission) return ADMIT_ALL;
  const afterCommit = admission.notice ? () => mailUsageNotice(workspaceId, admission) : null;
  if (admission.admitted >= newConversationIds.length) return { ...ADMIT_ALL, afterCommit };
  return {
    refused: new Set(newConversationIds.slice(admission.admitted)),
    refusal: quotaRefusal(admission),
    afterCommit,
  };
}

export function quotaRefusal(admission: Pick<Admission, 'limit' | 'periodEnd'>, now = Date.now()): QuotaRefusal {
  const retryAfterSeconds = Math.max(1, Math.ceil((admission.periodEnd.getTime() - now) / 1000));
  return {
    code: 'quota_exceeded',
    message: `This workspace reached its plan's ${admission.limit.toLocaleString('en-US')} new conversations for the period, which resets at ${admission.periodEnd.toISOString()}. Messages to existing conversations are still accepted; upgrade in Settings › Billing for more.`,
    retryAfterSeconds,
  };
}

async function mailUsageNotice(workspaceId: string, admission: Admission) {
  try {
    const [workspace, owners] = await Promise.all([findWorkspaceById(workspaceId), listMemberEmails(workspaceId, ['owner'])]);
    if (!workspace || owners.length === 0) return;
    const full = admission.notice === 100;
    const limit = admission.limit.toLocaleString('en-US');
    const resets = admission.periodEnd.toUTCString();
    await sendMail(workspaceId, owners, {
      subject: full ? `${workspace.name} reached its Confab conversation limit` : `${workspace.name} used 80 % of its Confab conversations`,
      heading: full ? 'You have reached your conversation limit' : 'You have used 80 % of your conversations',
      paragraphs: [
        full
          ? `${workspace.name} has started all ${limit} conversations its plan includes this period. New conversations are refused until the period resets on ${resets}; messages to conversations already started are still accepted.`
          : `${workspace.name} has started ${admission.conversations.toLocaleString('en-US')} of the ${limit} conversations its plan includes this period, which resets on ${resets}.`,
        'Upgrade in Settings › Billing to raise the limit right away.',
      ],
      footer: 'You receive this as an owner of the workspace, once per billing period at 80 % and at 100 %.',
    });
  } catch (error) {
    // The usage stands; a lost notice must not fail the ingest that committed.
    console.error('[confab] usage e-mail failed', error);
  }
}
