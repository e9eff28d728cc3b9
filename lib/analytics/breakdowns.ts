/** Conversations by device, source, language, country or avatar; tool calls by tool. */
import { conversationsByDimension, toolUsage } from '@/db/queries/analytics-breakdowns';
import { sumFactsByAvatar } from '@/db/queries/analytics-facts';
import { ratio } from './overview';
import { planRange } from './plan';
import type { AnalyticsFilter, Breakdown, BreakdownDimension, ToolUsage } from './types';

export const BREAKDOWN_DIMENSIONS = ['device', 'source', 'language', 'country', 'avatar'] as const satisfies readonly BreakdownDimension[];
/** The value reported for conversations without one (DESIGN: null values are reported as 'unknown'). */
export const UNKNOWN = 'unknown';

const DEVICE_LABELS: Record<string, string> = { desktop: 'Desktop', mobile: 'Mobile', tablet: 'Tablet' };
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

function displayName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

function labelOf(dimension: Exclude<BreakdownDimension, 'avatar'>, value: string): string {
  if (value === UNKNOWN) return 'Unknown';
  switch (dimension) {
    case 'device':
      return DEVICE_LABELS[value] ?? value;
    case 'country':
      return /^[A-Za-z]{2}$/.test(value) ? displayName(regionNames, value.toUpperCase()) : value;
    case 'language':
      return displayName(languageNames, value);
    case 'source':
      return value;
  }
}

type Counted = { value: string; label: string; conversations: number };

function withShares(dimension: BreakdownDimension, rows: Counted[]): Breakdown {
  const total = rows.reduce((sum, r) => sum + r.conversations, 0);
  const data = rows
    .filter((r) => r.conversations > 0)
    .sort((a, b) => b.conversations - a.conversations || a.value.localeCompare(b.value))
    .map((r) => ({ ...r, share: ratio(r.conversations, total) ?? 0 }));
  return { dimension, data };
}

/** Conversations started in the range per value, most first; shares of all conversations in the range. */
export async function getBreakdown(workspaceId: string, filter: AnalyticsFilter, dimension: BreakdownDimension): Promise<Breakdown> {
  const plan = planRange(filter.range);
  if (dimension === 'avatar') {
    const avatars = await sumFactsByAvatar(workspaceId, plan, filter.avatarId, null);
    return withShares(dimension, avatars.map((a) => ({ value: a.avatar_id, label: a.name, conversations: a.conversations })));
  }
  const rows = await conversationsByDimension(workspaceId, plan, filter.avatarId, dimension);
  const merged = new Map<string, number>();
  for (const row of rows) {
    const value = row.value ?? UNKNOWN;
    merged.set(value, (merged.get(value) ?? 0) + row.conversations);
  }
  return withShares(
    dimension,
    [...merged].map(([value, conversations]) => ({ value, label: labelOf(dimension, value), conversations })),
  );
}

/** Calls per tool name with mean duration (over the calls that reported one) and escalations, most used first. */
export async function getToolUsage(workspaceId: string, filter: AnalyticsFilter): Promise<ToolUsage> {
  const rows = await toolUsage(workspaceId, planRange(filter.range), filter.avatarId);
  return {
    data: rows.map((r) => ({ name: r.tool_name, calls: r.calls, avgDurationMs: ratio(r.duration_sum_ms, r.duration_count), escalations: r.escalations })),
  };
}
