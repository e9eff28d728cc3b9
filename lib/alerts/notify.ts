/**
 * Sends an alert event to its rule's e-mail and Slack channels, all at once, each with its own timeout, so a
 * failing or slow channel holds up no other. Each outcome is recorded on the event (`ok`, the error, the
 * attempts so far); a failed channel is tried again by a later pass, up to MAX_NOTIFY_ATTEMPTS. The
 * `webhook` channel is not sent from here: the check writes `alert.triggered` / `alert.resolved` to the
 * outbox in its own transaction and the webhooks engine delivers them.
 */
import type { AlertChannelRow, AlertNotificationRow } from '@/db/schema/alerts';
import { sendMail } from '@/lib/mail';
import { guardedPost } from '@/lib/webhooks/deliver';
import { checkLiteralHost, TargetRefused } from '@/lib/webhooks/targets';
import { alertMail, slackMessage, type AlertNotice } from './format';

export const MAX_NOTIFY_ATTEMPTS = 3;
/** Seconds before the 2nd and the 3rd try. */
export const NOTIFY_RETRY_DELAYS_S = [60, 300];
const SLACK_TIMEOUT_MS = 10_000;
const MAIL_TIMEOUT_MS = 30_000;
const USER_AGENT = 'Confab-Alerts/1';

/** The name a channel is recorded under: `email`, `slack` or `webhook`, numbered when a rule has several of a kind. */
export function channelKeys(channels: AlertChannelRow[]): string[] {
  const seen = new Map<string, number>();
  return channels.map((c) => {
    const n = (seen.get(c.type) ?? 0) + 1;
    seen.set(c.type, n);
    return n === 1 ? c.type : `${c.type}#${n}`;
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function postToSlack(url: string, notice: AlertNotice): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
    checkLiteralHost(target);
  } catch (error) {
    throw new Error(error instanceof TargetRefused ? error.message : 'Not a valid URL');
  }
  const result = await guardedPost(target, { 'content-type': 'application/json', 'user-agent': USER_AGENT }, JSON.stringify(slackMessage(notice)), SLACK_TIMEOUT_MS);
  if (result.error) throw new Error(result.excerpt ? `${result.error}: ${result.excerpt.slice(0, 200)}` : result.error);
}

async function sendOne(workspaceId: string, channel: AlertChannelRow, notice: AlertNotice): Promise<void> {
  if (channel.type === 'email') {
    await withTimeout(sendMail(workspaceId, channel.to, alertMail(notice)), MAIL_TIMEOUT_MS, 'E-mail');
  } else if (channel.type === 'slack') {
    await postToSlack(channel.url, notice);
  }
}

export type NotifyOutcome = { notifications: AlertNotificationRow[]; retryAt: Date | null };

/**
 * Sends to every e-mail and Slack channel not yet done (no entry, or a failed one with attempts left) and
 * returns the full list of outcomes and, when some failed with attempts left, when to try again.
 */
export async function notifyChannels(workspaceId: string, channels: AlertChannelRow[], previous: AlertNotificationRow[], notice: AlertNotice, now = new Date()): Promise<NotifyOutcome> {
  const keys = channelKeys(channels);
  const before = new Map(previous.map((n) => [n.channel, n]));
  const results = await Promise.all(
    channels.map(async (channel, i): Promise<AlertNotificationRow | null> => {
      const key = keys[i];
      const old = before.get(key);
      if (channel.type === 'webhook') return old ?? null;
      if (old && (old.ok || old.attempts >= MAX_NOTIFY_ATTEMPTS)) return old;
      const attempts = (old?.attempts ?? 0) + 1;
      try {
        await sendOne(workspaceId, channel, notice);
        return { channel: key, ok: true, attempts, at: new Date().toISOString() };
      } catch (error) {
        return { channel: key, ok: false, error: (error instanceof Error ? error.message : String(error)).slice(0, 500), attempts, at: new Date().toISOString() };
      }
    }),
  );
  const notifications = results.filter((n): n is AlertNotificationRow => n !== null);
  const retrying = notifications.filter((n) => !n.ok && n.attempts < MAX_NOTIFY_ATTEMPTS);
  if (retrying.length === 0) return { notifications, retryAt: null };
  const delay = Math.max(...retrying.map((n) => NOTIFY_RETRY_DELAYS_S[Math.min(n.attempts, NOTIFY_RETRY_DELAYS_S.length) - 1]));
  return { notifications, retryAt: new Date(now.getTime() + delay * 1000) };
}
