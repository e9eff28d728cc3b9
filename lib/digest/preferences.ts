/** A member's own digest choice and the preview of this week's digest, for Settings › Notifications. */
import { z } from 'zod';
import { findDigestPreference, upsertDigestPreference } from '@/db/queries/digest';
import { safeTimeZone } from '@/lib/analytics/range';
import { renderMail, type RenderedMail } from '@/lib/mail/templates';
import { buildDigest } from './content';
import { digestMail } from './render';
import { unsubscribeUrl } from './unsubscribe';
import { latestDigestWeek, type DigestWeek } from './week';

export const digestPreferenceSchema = z.boolean('Must be true or false');

export async function getDigestPreference(workspaceId: string, userId: string): Promise<{ enabled: boolean; explicit: boolean }> {
  return (await findDigestPreference(workspaceId, userId)) ?? { enabled: false, explicit: false };
}

export async function setDigestPreference(workspaceId: string, userId: string, enabled: boolean): Promise<void> {
  await upsertDigestPreference(workspaceId, userId, enabled);
}

/** Unsigned links would not work, so without an app secret the preview shows none. */
function previewUnsubscribeUrl(origin: string, workspaceId: string, userId: string): string | null {
  try {
    return unsubscribeUrl(origin, workspaceId, userId);
  } catch {
    return null;
  }
}

/** The digest this user got (or gets) this week: the latest week whose Monday 09:00 has come. */
export async function previewDigest(
  workspace: { id: string; name: string; timezone: string },
  userId: string,
  origin: string,
  now = new Date(),
): Promise<{ week: DigestWeek; mail: RenderedMail }> {
  const timezone = safeTimeZone(workspace.timezone);
  const week = latestDigestWeek(now, timezone);
  const digest = await buildDigest({ ...workspace, timezone }, week);
  return { week, mail: renderMail(digestMail(digest, { origin, unsubscribeUrl: previewUnsubscribeUrl(origin, workspace.id, userId) })) };
}
