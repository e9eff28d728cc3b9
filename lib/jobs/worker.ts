/**
 * The background worker: registers Confab's queues and schedules on pg-boss and processes them.
 * It runs inside `npm start` by default, or alone as `npm run worker`; several may run at once.
 */
import type PgBoss from 'pg-boss';
import { alertCheckIntervalSeconds, runAlertChecks } from '@/lib/alerts/check';
import { sendDueDigests } from '@/lib/digest/send';
import { closeIdleConversations } from '@/lib/ingest/close-idle';
import { startWebhookEngine } from '@/lib/webhooks/engine';
import { createBoss } from './boss';
import { startGoalBackfills } from './goal-backfills';
import { pruneIdempotencyKeys, pruneWebhookDeliveries } from './housekeeping';
import { startSearchIndexMerges } from './search-index';

export const QUEUES = { closeIdle: 'close-idle-conversations', housekeeping: 'housekeeping', alertChecks: 'alert-checks', digests: 'weekly-digests' } as const;

export type Worker = { boss: PgBoss; stop: () => Promise<void> };

/** Limits the sweeps (idle close, goal back-fills, housekeeping) to these workspaces: for tests only; the worker sweeps all. */
export type WorkerScope = { workspaceIds?: string[] };

export async function startWorker(log: (line: string) => void = () => {}, scope: WorkerScope = {}): Promise<Worker> {
  const { boss, close } = createBoss();
  await boss.start();

  // Every minute; a singleton queue so several workers never close the same conversations twice at once.
  await boss.createQueue(QUEUES.closeIdle, { name: QUEUES.closeIdle, policy: 'singleton' });
  await boss.schedule(QUEUES.closeIdle, '* * * * *');
  await boss.work(QUEUES.closeIdle, { pollingIntervalSeconds: 10 }, async () => {
    const closed = await closeIdleConversations(new Date(), scope);
    if (closed > 0) log(`closed ${closed} idle conversation(s)`);
  });

  // Hourly, at a minute other schedules rarely use.
  await boss.createQueue(QUEUES.housekeeping, { name: QUEUES.housekeeping, policy: 'singleton' });
  await boss.schedule(QUEUES.housekeeping, '17 * * * *');
  await boss.work(QUEUES.housekeeping, { pollingIntervalSeconds: 10 }, async () => {
    const pruned = await pruneIdempotencyKeys(new Date(), scope);
    if (pruned > 0) log(`pruned ${pruned} expired idempotency key(s)`);
    const deliveries = await pruneWebhookDeliveries(new Date(), scope);
    if (deliveries > 0) log(`pruned ${deliveries} webhook deliveries older than 30 days`);
  });

  // Alert checks every ALERT_CHECK_INTERVAL_SECONDS (default 300): each worker offers a job per interval and pg-boss
  // keeps one per time slot (sendThrottled), so several workers still run one pass per interval between them.
  const alertInterval = alertCheckIntervalSeconds();
  await boss.createQueue(QUEUES.alertChecks, { name: QUEUES.alertChecks, policy: 'singleton' });
  await boss.work(QUEUES.alertChecks, { pollingIntervalSeconds: Math.min(10, alertInterval) }, async () => {
    const pass = await runAlertChecks({ workspaceIds: scope.workspaceIds, log });
    if (pass.fired + pass.resolved + pass.failed > 0) log(`alerts: ${pass.checked} checked, ${pass.fired} fired, ${pass.resolved} resolved, ${pass.failed} failed`);
  });
  const offerAlertCheck = () => boss.sendThrottled(QUEUES.alertChecks, {}, {}, alertInterval, 'pass').catch((error) => log(`alert schedule: ${String(error)}`));
  void offerAlertCheck();
  const alertTimer = setInterval(offerAlertCheck, Math.max(5, Math.floor(alertInterval / 4)) * 1000);
  alertTimer.unref();

  // Every quarter hour, so a digest due at 09:00 in a zone with a :30 or :45 offset goes out on time.
  await boss.createQueue(QUEUES.digests, { name: QUEUES.digests, policy: 'singleton' });
  await boss.schedule(QUEUES.digests, '*/15 * * * *');
  await boss.work(QUEUES.digests, { pollingIntervalSeconds: 10 }, async () => {
    await sendDueDigests({ at: new Date(), workspaceIds: scope.workspaceIds, log });
  });

  const backfills = startGoalBackfills(log, scope);
  // What ingest appended to the search index's pending list, merged every few seconds.
  const searchIndex = startSearchIndexMerges(log);
  // Webhook deliveries: fan-out and attempts, polled every 200 ms (jobs in PostgreSQL, see lib/webhooks/engine).
  const webhooks = startWebhookEngine({ log, workspaceIds: scope.workspaceIds });

  return {
    boss,
    stop: async () => {
      clearInterval(alertTimer);
      await backfills.stop();
      await searchIndex.stop();
      await webhooks.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await close();
    },
  };
}
