/**
 * Sends the weekly digests that are due: for each workspace whose Monday 09:00 has come (lib/digest/week.ts),
 * each member who wants it and has not had that week's gets one e-mail. A member's week is claimed (a row
 * with a unique key) before the mail goes, so reruns and concurrent runs send it once; a failed mail gives
 * the claim back for the next run.
 */
import { appOrigin } from '@/lib/http/app-origin';
import { claimDigestSend, listDigestWorkspaces, listPendingDigestRecipients, releaseDigestSend } from '@/db/queries/digest';
import { safeTimeZone } from '@/lib/analytics/range';
import { sendMail } from '@/lib/mail';
import { buildDigest } from './content';
import { digestMail } from './render';
import { unsubscribeUrl } from './unsubscribe';
import { dueDigestWeek } from './week';

export type SendDigestsOptions = { at?: Date; workspaceIds?: string[]; origin?: string; log?: (line: string) => void };
export type SendDigestsResult = { dueWorkspaces: number; sent: number; failed: number };

/** The headers of RFC 2369 and RFC 8058: mail clients show an Unsubscribe button that POSTs to the link. */
export const unsubscribeHeaders = (url: string) => ({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

export async function sendDueDigests(options: SendDigestsOptions = {}): Promise<SendDigestsResult> {
  const at = options.at ?? new Date();
  const origin = options.origin ?? appOrigin();
  const log = options.log ?? (() => {});
  const result: SendDigestsResult = { dueWorkspaces: 0, sent: 0, failed: 0 };
  for (const workspace of await listDigestWorkspaces(options.workspaceIds ?? null)) {
    const timezone = safeTimeZone(workspace.timezone);
    const week = dueDigestWeek(at, timezone);
    if (!week) continue;
    result.dueWorkspaces += 1;
    const recipients = await listPendingDigestRecipients(workspace.id, week.weekStart);
    if (recipients.length === 0) continue;
    const digest = await buildDigest({ ...workspace, timezone }, week);
    for (const recipient of recipients) {
      if (!(await claimDigestSend(workspace.id, recipient.userId, week.weekStart))) continue;
      try {
        const url = unsubscribeUrl(origin, workspace.id, recipient.userId);
        await sendMail(workspace.id, recipient.email, digestMail(digest, { origin, unsubscribeUrl: url }), unsubscribeHeaders(url));
        result.sent += 1;
      } catch (error) {
        await releaseDigestSend(workspace.id, recipient.userId, week.weekStart);
        result.failed += 1;
        log(`digest of ${week.weekStart} for ${recipient.email} in workspace ${workspace.id} not sent: ${String(error)}`);
      }
    }
  }
  if (result.sent > 0) log(`sent ${result.sent} weekly digest(s)`);
  return result;
}
