/** Turns request parameters into an AnalyticsFilter: the workspace's timezone, the resolved range, the avatar. */
import { findWorkspaceTimezone } from '@/db/queries/analytics-conversations';
import { notFound } from '@/lib/api/errors';
import { resolveRange, type RangeParams } from './range';
import type { AnalyticsFilter } from './types';

export async function workspaceTimezoneOrThrow(workspaceId: string): Promise<string> {
  const timezone = await findWorkspaceTimezone(workspaceId);
  if (timezone === null) throw notFound('Workspace');
  return timezone;
}

export async function resolveFilter(
  workspaceId: string,
  params: RangeParams & { avatarId?: string | null },
  now: Date = new Date(),
): Promise<AnalyticsFilter> {
  const range = resolveRange(params, await workspaceTimezoneOrThrow(workspaceId), now);
  return { range, avatarId: params.avatarId ?? null };
}
