/**
 * The delivery engine: moves outbox events to deliveries (fan-out), then leases due deliveries and
 * attempts them (see startWebhookEngine for the pipeline the worker runs). Everything it holds lives in PostgreSQL — a restart loses
 * nothing, and a worker killed mid-attempt leaves a lease that expires into one more attempt. The claim
 * caps what is in flight per endpoint, so one slow endpoint never holds up the others.
 */
import { claimDueDeliveries, lookAtIngestion, recordAttempts, type AttemptOutcome, type ClaimedDelivery } from '@/db/queries/webhook-engine';
import { listMemberEmails } from '@/db/queries/team';
import { sendMail } from '@/lib/mail';
import { attemptDelivery, eventBody, isSuccess, nextRetryAt } from './deliver';
import { createYieldGate, yieldEnabled } from './yield-gate';
import { deliverFreshEvents, type SendHandle } from './fresh';

export const FAILING_DAYS_BEFORE_DISABLE = 5;
/** Outbox events taken per fresh batch. */
const FAN_OUT_LIMIT = 500;
/** Fresh batches (each a transaction held across its sends) open at once in one worker. */
const FRESH_BATCHES = 3;

/** The claim loop waits until at least this many of the process's slots are free. */
const MIN_FREE_SLOTS = 16;

export type EngineOptions = {
  /** Deliveries leased per claim. */
  batch?: number;
  /** Deliveries in flight per endpoint, across every worker. */
  perEndpoint?: number;
  /** How often an idle lane looks for work. */
  pollMs?: number;
  leaseSeconds?: number;
  /** How long a fresh batch waits for its attempts before committing the unfinished ones leased. */
  holdMs?: number;
  log?: (line: string) => void;
  /** Only these workspaces (tests); the worker serves every one. */
  workspaceIds?: string[];
  /** Give way to saturated ingestion before each round of sends (yield-gate.ts); on unless WEBHOOK_YIELD=0. */
  yieldToIngest?: boolean;
};

const numberFromEnv = (name: string, fallback: number) => {
  const n = Math.floor(Number(process.env[name]));
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export function outcomeOf(d: ClaimedDelivery, result: Awaited<ReturnType<typeof attemptDelivery>>): AttemptOutcome {
  const base = { workspaceId: d.workspace_id, deliveryId: d.id, webhookId: d.webhook_id, attempt: d.attempts, ...result, excerpt: result.excerpt };
  if (isSuccess(result.statusCode)) return { ...base, next: { status: 'delivered' }, gone: false };
  if (result.statusCode === 410) return { ...base, next: { status: 'failed' }, gone: true };
  const retryAt = nextRetryAt(d.attempts - d.attempt_base, result);
  return { ...base, next: retryAt ? { status: 'pending', retryAt } : { status: 'failed' }, gone: false };
}

async function attempt(d: ClaimedDelivery): Promise<AttemptOutcome> {
  const body = d.body ?? eventBody(d.payload ?? {});
  const result = await attemptDelivery(d.url, d.event_id, body, {
    secret: d.secret,
    previousSecret: d.previous_secret,
    previousSecretExpiresAt: d.previous_secret_expires_at,
  });
  return outcomeOf(d, result);
}

async function tellAdmins(disabled: { workspace_id: string; id: string; url: string }[], log: (line: string) => void) {
  for (const hook of disabled) {
    log(`webhook ${hook.id} (${hook.url}) disabled: every delivery failed for ${FAILING_DAYS_BEFORE_DISABLE} days`);
    for (const to of await listMemberEmails(hook.workspace_id, ['owner', 'admin'])) {
      await sendMail(hook.workspace_id, to, {
        subject: `Confab disabled your webhook ${hook.url}`,
        heading: 'A webhook endpoint was disabled',
        paragraphs: [
          `Every delivery to ${hook.url} has failed for ${FAILING_DAYS_BEFORE_DISABLE} days, so Confab stopped sending to it.`,
          'Fix the endpoint, enable it again in Settings › Webhooks, and use “Recover failed” to resend what it missed.',
        ],
      }).catch((error: unknown) => log(`could not e-mail ${to} about webhook ${hook.id}: ${String(error)}`));
    }
  }
}

/**
 * One pass, awaited to its end (tests and one-off runs): a fresh batch from the outbox, then one claim's worth
 * of due deliveries. Returns how much it did.
 */
export async function runEngineOnce(options: EngineOptions = {}): Promise<{ fannedOut: number; attempted: number }> {
  const batch = options.batch ?? 100;
  const perEndpoint = options.perEndpoint ?? numberFromEnv('WEBHOOK_CONCURRENCY_PER_ENDPOINT', 128);
  const log = options.log ?? (() => {});
  const leaseSeconds = options.leaseSeconds ?? 60;
  const scope = options.workspaceIds ?? null;
  const inFlight = new Map<string, number>();
  const fresh = await deliverFreshEvents({
    limit: FAN_OUT_LIMIT,
    workspaceIds: scope,
    leaseSeconds,
    holdMs: options.holdMs ?? 20_000,
    failingDays: FAILING_DAYS_BEFORE_DISABLE,
    // One pass: what does not fit its endpoint's cap now waits, queued, for the claim.
    send: (d) => {
      const key = `${d.workspace_id}/${d.webhook_id}`;
      const n = inFlight.get(key) ?? 0;
      if (n >= perEndpoint) return { outcome: Promise.resolve(null), cancel: () => true };
      inFlight.set(key, n + 1);
      return { outcome: attempt(d), cancel: () => false };
    },
  });
  const late = await Promise.all(fresh.late);
  const claimed = await claimDueDeliveries(batch, perEndpoint, leaseSeconds, scope);
  const outcomes = [...late, ...(await Promise.all(claimed.map(attempt)))];
  const disabled = [...fresh.disabled, ...(await recordAttempts(outcomes, FAILING_DAYS_BEFORE_DISABLE))];
  for (const o of [...fresh.recorded, ...outcomes]) if (o.gone) log(`webhook ${o.webhookId} disabled: it answered 410 Gone`);
  await tellAdmins(disabled, log);
  return { fannedOut: fresh.events, attempted: fresh.attempted + claimed.length };
}

export type WebhookEngine = { stop: () => Promise<void> };
type Waiter = { started: boolean; start: () => void };

/**
 * The worker's engine, a pipeline: a claim loop opens fresh batches (outbox events sent and written once, see
 * `fresh.ts`) and leases due deliveries (retries, and fresh ones that found no room) whenever this process has
 * free slots; each attempt starts as soon as it is taken, and a recorder writes finished leased attempts in
 * batches. So sends overlap with claims and records, and no slot waits for the slowest attempt of a batch. At
 * most `WEBHOOK_MAX_IN_FLIGHT` (default 512) attempts run in this process, at most
 * `WEBHOOK_CONCURRENCY_PER_ENDPOINT` (default 128) per endpoint (leases are counted across every worker, fresh
 * attempts per worker). `stop` lets running attempts finish and records them.
 */
export function startWebhookEngine(options: EngineOptions & { maxInFlight?: number } = {}): WebhookEngine {
  const maxInFlight = options.maxInFlight ?? numberFromEnv('WEBHOOK_MAX_IN_FLIGHT', 512);
  const perEndpoint = options.perEndpoint ?? numberFromEnv('WEBHOOK_CONCURRENCY_PER_ENDPOINT', 128);
  const leaseSeconds = options.leaseSeconds ?? 60;
  const holdMs = options.holdMs ?? 3000;
  const pollMs = options.pollMs ?? 200;
  const scope = options.workspaceIds ?? null;
  const log = options.log ?? (() => {});
  let stopping = false;
  let inFlight = 0;
  /** Attempts in flight per endpoint, and those of them that are fresh (no row in the database yet). */
  const perEndpointInFlight = new Map<string, { all: number; fresh: number }>();
  const freshBatches = new Set<Promise<void>>();
  const finished: AttemptOutcome[] = [];
  let sending = 0;
  // The claim loop sleeps until a slot frees up, a fresh batch finishes sending or ends, or `pollMs` passes.
  let wakeLoop: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => wake(), ms);
      const wake = () => {
        clearTimeout(timer);
        if (wakeLoop === wake) wakeLoop = null;
        resolve();
      };
      wakeLoop = wake;
    });
  const wakeAll = () => wakeLoop?.();
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const minFree = Math.min(MIN_FREE_SLOTS, maxInFlight);
  const report = (error: unknown) => log(`webhook engine: ${error instanceof Error ? error.message : String(error)}`);
  const keyOf = (workspaceId: string, webhookId: string) => `${workspaceId}/${webhookId}`;
  const gate =
    (options.yieldToIngest ?? yieldEnabled())
      ? createYieldGate({ look: () => lookAtIngestion(scope), idle: () => inFlight === 0 && freshBatches.size === 0 && finished.length === 0 })
      : null;


  /** Fresh attempts waiting for their endpoint's room, in order. */
  const waiting = new Map<string, Waiter[]>();
  const hasRoom = (key: string) => (perEndpointInFlight.get(key)?.all ?? 0) < perEndpoint;

  const track = (d: ClaimedDelivery, fresh: boolean): Promise<AttemptOutcome> => {
    const key = keyOf(d.workspace_id, d.webhook_id);
    const counts = perEndpointInFlight.get(key) ?? { all: 0, fresh: 0 };
    counts.all++;
    if (fresh) counts.fresh++;
    perEndpointInFlight.set(key, counts);
    inFlight++;
    return attempt(d).finally(() => {
      const wasFull = maxInFlight - inFlight < minFree;
      inFlight--;
      counts.all--;
      if (fresh) counts.fresh--;
      if (counts.all === 0) perEndpointInFlight.delete(key);
      const next = waiting.get(key);
      if (next?.length && hasRoom(key)) {
        next.shift()!.start();
        if (next.length === 0) waiting.delete(key);
      }
      if (wasFull && !stopping) wakeAll();
    });
  };

  /** A fresh attempt: at once if its endpoint has room, else when an attempt to it ends (or never: cancelled). */
  const sendFresh = (d: ClaimedDelivery): SendHandle => {
    const key = keyOf(d.workspace_id, d.webhook_id);
    if (hasRoom(key)) return { outcome: track(d, true), cancel: () => false };
    let resolve!: (outcome: Promise<AttemptOutcome> | null) => void;
    const outcome = new Promise<AttemptOutcome | null>((r) => (resolve = r));
    const waiter: Waiter = {
      started: false,
      start: () => {
        waiter.started = true;
        resolve(track(d, true));
      },
    };
    const queue = waiting.get(key) ?? [];
    queue.push(waiter);
    waiting.set(key, queue);
    return {
      outcome,
      cancel: () => {
        if (waiter.started) return false;
        const rest = (waiting.get(key) ?? []).filter((w) => w !== waiter);
        if (rest.length) waiting.set(key, rest);
        else waiting.delete(key);
        resolve(null);
        return true;
      },
    };
  };
  const recordLater = (outcome: Promise<AttemptOutcome>) => outcome.then((o) => finished.push(o)).catch(report);

  /** Opens a fresh batch; resolves with its number of events once its attempts have started. */
  const openFreshBatch = (limit: number) =>
    new Promise<number>((started) => {
      sending++;
      let sent = false;
      let events = 0;
      // An empty batch wakes nobody: the loop sleeps its poll interval before it looks again.
      const markSent = () => {
        if (sent) return;
        sent = true;
        sending--;
        if (events > 0) wakeAll();
      };
      const batch = deliverFreshEvents({
        limit,
        workspaceIds: scope,
        leaseSeconds,
        holdMs,
        failingDays: FAILING_DAYS_BEFORE_DISABLE,
        send: sendFresh,
        onStarted: (n) => {
          events = n;
          started(n);
        },
        onSent: markSent,
      })
        .then(async (result) => {
          result.late.forEach(recordLater);
          for (const o of result.recorded) if (o.gone) log(`webhook ${o.webhookId} disabled: it answered 410 Gone`);
          await tellAdmins(result.disabled, log);
        })
        // A failed batch rolled back: its events are still in the outbox, and go out again.
        .catch(report)
        .finally(() => {
          markSent();
          freshBatches.delete(batch);
          if (events > 0) wakeAll();
        });
      freshBatches.add(batch);
    });

  const claimLoop = async () => {
    while (!stopping) {
      try {
        const free = maxInFlight - inFlight;
        if (free < minFree) {
          await sleep(pollMs);
          continue;
        }
        // Ingestion first: while it is saturated, the next round waits for a gap (bounded).
        await gate?.wait();
        // One batch sends at a time (its attempts wait for their endpoint's room) while earlier ones write.
        const events = sending === 0 && freshBatches.size < FRESH_BATCHES ? await openFreshBatch(Math.min(free, FAN_OUT_LIMIT)) : 0;
        const room = maxInFlight - inFlight;
        const unleased = [...perEndpointInFlight].flatMap(([key, c]) => {
          if (c.fresh === 0) return [];
          const [workspaceId, webhookId] = key.split('/');
          return [{ workspaceId, webhookId, n: c.fresh }];
        });
        const claimed = room > 0 ? await claimDueDeliveries(room, perEndpoint, leaseSeconds, scope, unleased) : [];
        for (const d of claimed) recordLater(track(d, false));
        if (claimed.length === 0 && (events === 0 || sending > 0)) await sleep(pollMs);
      } catch (error) {
        if (stopping) break;
        report(error);
        await sleep(1000);
      }
    }
  };

  const recordLoop = async () => {
    while (!stopping || inFlight > 0 || finished.length > 0 || freshBatches.size > 0) {
      if (finished.length === 0) {
        await pause(stopping ? 20 : 10);
        continue;
      }
      const batch = finished.splice(0, 500);
      try {
        const disabled = await recordAttempts(batch, FAILING_DAYS_BEFORE_DISABLE);
        for (const o of batch) if (o.gone) log(`webhook ${o.webhookId} disabled: it answered 410 Gone`);
        await tellAdmins(disabled, log);
      } catch (error) {
        // Unrecorded attempts keep their lease; when it expires they are made again (never lost).
        report(error);
        await pause(1000);
      }
    }
  };

  const running = [claimLoop(), recordLoop()];
  return {
    stop: async () => {
      stopping = true;
      wakeAll();
      await Promise.all(running);
    },
  };
}
