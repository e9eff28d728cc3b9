/** Conversations by device, source, language, country or avatar; tool calls by tool. */
import { conversationsByDimension, conversationsByDimensions, toolUsage, type DimensionName } from '@/db/queries/analytics-breakdowns';
import { sumFactsByAvatar, type AvatarFactSums } from '@/db/queries/analytics-facts';
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

/** Merges rows of one dimension (null: conversations without a value) into the breakdown. */
function dimensionBreakdown(dimension: DimensionName, rows: { value: string | null; conversations: number }[]): Breakdown {
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

export const avatarBreakdown = (avatars: AvatarFactSums[]): Breakdown =>
  withShares('avatar', avatars.map((a) => ({ value: a.avatar_id, label: a.name, conversations: a.conversations })));

/** Conversations started in the range per value, most first; shares of all conversations in the range. */
export async function getBreakdown(workspaceId: string, filter: AnalyticsFilter, dimension: BreakdownDimension): Promise<Breakdown> {
  const plan = planRange(filter.range);
  if (dimension === 'avatar') return avatarBreakdown(await sumFactsByAvatar(workspaceId, plan, filter.avatarId, null));
  return dimensionBreakdown(dimension, await conversationsByDimension(workspaceId, plan, filter.avatarId, dimension));
}

/** Several value dimensions in one read, given the range's conversations (for those without a value), which may still be on their way. */
export async function getDimensionBreakdowns(
  workspaceId: string,
  filter: AnalyticsFilter,
  dimensions: readonly DimensionName[],
  conversations: number | Promise<number>,
): Promise<Breakdown[]> {
  const [rows, total] = await Promise.all([conversationsByDimensions(workspaceId, planRange(filter.range), filter.avatarId, dimensions), conversations]);
  return dimensions.map((dimension) => {
    const known = rows.filter((r) => r.dimension === dimension);
    const unknown = total - known.reduce((sum, r) => sum + r.conversations, 0);
    return dimensionBreakdown(dimension, [...known, { value: null, conversations: unknown }]);
  });
}

/** Calls per tool name with mean duration (over the calls that reported one) and escalations, most used first. */
export async function getToolUsage(workspaceId: string, filter: AnalyticsFilter): Promise<ToolUsage> {
  const rows = await toolUsage(workspaceId, planRange(filter.range), filter.avatarId);
  return {
    data: rows.map((r) => ({ name: r.tool_name, calls: r.calls, avgDurationMs: ratio(r.duration_sum_ms, r.duration_count), escalations: r.escalations })),
  };
}
