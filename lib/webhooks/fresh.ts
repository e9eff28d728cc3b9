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
  /**
   * Makes an attempt as soon as its endpoint has room under its cap (the engine counts it in flight until it
   * ends). `cancel` takes back one that has not started: at the end of the hold it is written queued.
   */
  send: (d: ClaimedDelivery) => SendHandle;
  /** Called once the batch is locked and its attempts started, with how many events it holds. */
  onStarted?: (events: number) => void;
  /** Called when every attempt ended, or after `sendingMs` (default 250 ms) at most. */
  onSent?: () => void;
  sendingMs?: number;
};

export type SendHandle = { outcome: Promise<AttemptOutcome | null>; cancel: () => boolean };

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
  payload: null,
  body: `{"id":${JSON.stringify(t.event_id)},"type":${JSON.stringify(t.event_type)},"createdAt":${JSON.stringify(t.created_at_text)},"data":${t.data}}`,
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
      const sends = rows
        .filter((row): row is OutboxTarget & { webhook_id: string } => row.webhook_id !== null)
        .map((target) => {
          const id = newDeliveryId();
          return { target, id, handle: options.send(toClaimed(target, id)) };
        });
      announce(events.length);

      const settled = new Map<string, AttemptOutcome>();
      const all = Promise.all(sends.map((s) => s.handle.outcome.then((o) => o && settled.set(s.id, o))));
      all.catch(() => {}); // a failed send rejects the wait below (a rollback); later, it has nobody to tell
      const waitAtMost = async (ms: number) => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([all, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
        clearTimeout(timer);
      };
      // The next batch may start once this one's attempts ended or took `sendingMs`: a slow endpoint holds
      // this transaction, not the next batch's sends to the others.
      const held = Date.now();
      await waitAtMost(Math.min(options.sendingMs ?? 250, options.holdMs));
      options.onSent?.();
      await waitAtMost(Math.max(0, options.holdMs - (Date.now() - held)));

      // What has settled now is written settled, what never started queued, the rest leased (no await
      // until all three are taken).
      const deliveries = sends.map(({ target, id, handle }): FreshDelivery => {
        const outcome = settled.get(id);
        if (outcome) return { target, id, state: { kind: 'attempted', outcome } };
        return { target, id, state: handle.cancel() ? { kind: 'queued' } : { kind: 'leased' } };
      });
      const late = sends.filter((s, i) => deliveries[i].state.kind === 'leased').map((s) => s.handle.outcome as Promise<AttemptOutcome>);
      const finished = [...settled.values()];
      await writeFreshDeliveries(tx, events, deliveries, options.leaseSeconds);
      const disabled = await recordAttempts(finished, options.failingDays, { tx, deliveriesWritten: true });
      return { events: events.length, attempted: finished.length + late.length, late, recorded: finished, disabled };
    });
  } finally {
    announce(0);
  }
}
