/**
 * Escalations of a range (DESIGN §3's definition): by reason, by avatar, over time, and the last user
 * message before each, with the recurring phrases of those messages.
 */
import { countEscalations, listEscalationMessages, type EscalationCountRow } from '@/db/queries/analytics-escalations';
import { bucketKeyOfDay, timeBuckets } from './buckets';
import { recurringPhrases } from './escalation-phrases';
import { ratio } from './overview';
import { planRange } from './plan';
import { defaultGroupBy } from './time-series';
import type { AnalyticsFilter, Escalations, Granularity } from './types';

/** The latest escalations whose last user messages the phrases are drawn from. */
export const PHRASE_SAMPLE = 1000;
export const LAST_MESSAGES_DEFAULT = 20;

function ranked<T extends { conversations: number }>(rows: Map<string, T>, total: number, key: (row: T) => string): (T & { share: number })[] {
  return [...rows.values()]
    .sort((a, b) => b.conversations - a.conversations || key(a).localeCompare(key(b)))
    .map((r) => ({ ...r, share: ratio(r.conversations, total) ?? 0 }));
}

/** Escalated conversations per reason, most first, from count rows of any grouping. */
function byReasonOf(counts: EscalationCountRow[], total: number) {
  const reasons = new Map<string, { reason: string; conversations: number }>();
  for (const row of counts) reasons.set(row.reason, { reason: row.reason, conversations: (reasons.get(row.reason)?.conversations ?? 0) + row.conversations });
  return ranked(reasons, total, (r) => r.reason);
}

/**
 * Only the counts per reason (each escalated conversation once, under DESIGN §3's reason), as the Overview's
 * "by reason" shows them; the weekly digest lists these.
 */
export async function getEscalationReasons(workspaceId: string, filter: AnalyticsFilter): Promise<Escalations['byReason']> {
  const counts = await countEscalations(workspaceId, planRange(filter.range), filter.avatarId, false);
  return byReasonOf(counts, counts.reduce((sum, row) => sum + row.conversations, 0));
}

export async function getEscalations(
  workspaceId: string,
  filter: AnalyticsFilter,
  { groupBy = defaultGroupBy(filter), limit = LAST_MESSAGES_DEFAULT }: { groupBy?: Granularity; limit?: number } = {},
): Promise<Escalations> {
  const plan = planRange(filter.range);
  const tz = plan.workspaceTimezone;
  const buckets = timeBuckets(plan, groupBy);
  const [counts, messages] = await Promise.all([
    countEscalations(workspaceId, plan, filter.avatarId, groupBy === 'hour'),
    listEscalationMessages(workspaceId, plan, filter.avatarId, Math.max(PHRASE_SAMPLE, limit)),
  ]);
  const avatars = new Map<string, { id: string; name: string; conversations: number }>();
  const perBucket = new Map<string, number>();
  let total = 0;
  for (const row of counts) {
    total += row.conversations;
    const avatar = avatars.get(row.avatar_id) ?? { id: row.avatar_id, name: row.avatar_name ?? row.avatar_id, conversations: 0 };
    avatars.set(row.avatar_id, { ...avatar, conversations: avatar.conversations + row.conversations });
    const key = groupBy === 'hour' ? row.bucket : bucketKeyOfDay(row.bucket, groupBy);
    perBucket.set(key, (perBucket.get(key) ?? 0) + row.conversations);
  }
  return {
    total,
    byReason: byReasonOf(counts, total),
    byAvatar: ranked(avatars, total, (a) => a.id),
    groupBy,
    timezone: tz,
    series: buckets.map((b) => ({ date: b.date, escalations: perBucket.get(b.key) ?? 0 })),
    lastMessages: messages.slice(0, limit).map((m) => ({
      conversationId: m.id,
      avatarId: m.avatar_id,
      reason: m.reason,
      escalatedAt: m.escalated_at?.toISOString() ?? null,
      lastUserMessage: m.last_user_message,
    })),
    phrases: recurringPhrases(messages.map((m) => ({ conversationId: m.id, text: m.last_user_message }))),
    sampled: messages.length,
  };
}
