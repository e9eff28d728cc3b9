/**
 * Fresh events, each delivery written once: one transaction locks a batch of outbox events, sends each to
 * the endpoints subscribed to it, and commits the deliveries in the state their first attempt left them
 * (delivered, retry scheduled, failed), with the attempts, the endpoints' streaks and the outbox rows gone.
 * A worker that dies before the commit rolls it all back, so the events are sent again, with the same
 * `webhook-id` (one more attempt, never a lost delivery). An attempt still running after `holdMs` is written
 * leased, and the recorder settles it when it ends.
 */
import { randomBytes } from 'node:crypto';
import { sql } from '@/db';
import {
  lockOutboxEvents,
  recordAttempts,
  writeFreshDeliveries,
  type AttemptOutcome,
  type ClaimedDelivery,
  type FreshDelivery,
  type OutboxTarget,
} from '@/db/queries/webhook-engine';

export type FreshBatchOptions = {
  limit: number;
  workspaceIds: string[] | null;
  leaseSeconds: number;
  /** How long the transaction waits for its attempts before writing the unfinished ones leased. */
  holdMs: number;
  failingDays: number;
  /** Whether the endpoint may take one more attempt now (this worker's in-flight count against its cap). */
  hasRoom: (workspaceId: string, webhookId: string) => boolean;
  /** Starts an attempt (the engine counts it in flight until it ends). */
  send: (d: ClaimedDelivery) => Promise<AttemptOutcome>;
  /** Called once the batch is locked and its attempts started, with how many events it holds. */
  onStarted?: (events: number) => void;
  /** Called when every attempt ended, or after `sendingMs` (default 250 ms) at most. */
  onSent?: () => void;
  sendingMs?: number;
};

export type FreshBatchResult = {
  events: number;
  attempted: number;
  /** Attempts that outlived the hold: committed leased, their outcomes still to be recorded. */
  late: Promise<AttemptOutcome>[];
  /** The attempts this batch recorded itself. */
  recorded: AttemptOutcome[];
  /** Endpoints disabled by the five-day rule in this batch. */
  disabled: { workspace_id: string; id: string; url: string }[];
};

const newDeliveryId = () => `dlv_${randomBytes(16).toString('hex')}`;

const toClaimed = (t: OutboxTarget & { webhook_id: string }, id: string): ClaimedDelivery => ({
  workspace_id: t.workspace_id,
  id,
  webhook_id: t.webhook_id,
  event_id: t.event_id,
  payload: t.payload,
  attempts: 1,
  attempt_base: 0,
  url: t.url,
  secret: t.secret,
  previous_secret: t.previous_secret,
  previous_secret_expires_at: t.previous_secret_expires_at,
});

export async function deliverFreshEvents(options: FreshBatchOptions): Promise<FreshBatchResult> {
  let announced = false;
  const announce = (events: number) => {
    if (announced) return;
    announced = true;
    options.onStarted?.(events);
  };
  try {
    return await sql.begin(async (tx) => {
      const rows = await lockOutboxEvents(tx, options.limit, options.workspaceIds);
      const events = [...new Map(rows.map((r) => [`${r.workspace_id}/${r.outbox_id}`, { workspaceId: r.workspace_id, outboxId: r.outbox_id }])).values()];
      if (events.length === 0) {
        announce(0);
        return { events: 0, attempted: 0, late: [], recorded: [], disabled: [] };
      }
      const sends: { target: OutboxTarget & { webhook_id: string }; id: string; outcome: Promise<AttemptOutcome> }[] = [];
      const queued: FreshDelivery[] = [];
      for (const row of rows) {
        if (row.webhook_id === null) continue;
        const target = row as OutboxTarget & { webhook_id: string };
        const id = newDeliveryId();
        if (options.hasRoom(target.workspace_id, target.webhook_id)) sends.push({ target, id, outcome: options.send(toClaimed(target, id)) });
        else queued.push({ target, id, state: { kind: 'queued' } });
      }
      announce(events.length);

      const settled = new Map<string, AttemptOutcome>();
      const all = Promise.all(sends.map((s) => s.outcome.then((o) => settled.set(s.id, o))));
      all.catch(() => {}); // a failed send rejects the wait below (a rollback); later, it has nobody to tell
      const waitAtMost = async (ms: number) => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
        clearTimeout(timer);
      };
      // The next batch may start sending once this one's attempts ended or took `sendingMs`: a slow endpoint
      // holds this transaction, not the next batch's sends to the others.
      const held = Date.now();
      await waitAtMost(Math.min(options.sendingMs ?? 250, options.holdMs));
      options.onSent?.();
      await waitAtMost(Math.max(0, options.holdMs - (Date.now() - held)));

      // What has settled now is written settled; the rest is written leased (no await until both are taken).
      const late = sends.filter((s) => !settled.has(s.id)).map((s) => s.outcome);
      const finished = sends.flatMap((s) => (settled.has(s.id) ? [settled.get(s.id)!] : []));
      const deliveries: FreshDelivery[] = [
        ...sends.map(({ target, id }): FreshDelivery => {
          const outcome = settled.get(id);
          return { target, id, state: outcome ? { kind: 'attempted', outcome } : { kind: 'leased' } };
        }),
        ...queued,
      ];
      await writeFreshDeliveries(tx, events, deliveries, options.leaseSeconds);
      const disabled = await recordAttempts(finished, options.failingDays, { tx, deliveriesWritten: true });
      return { events: events.length, attempted: sends.length, late, recorded: finished, disabled };
    });
  } finally {
    announce(0);
  }
}
