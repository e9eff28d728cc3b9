/**
 * The delivery engine: moves outbox events to deliveries (fan-out), then leases due deliveries and
 * attempts them (see startWebhookEngine for the pipeline the worker runs). Everything it holds lives in PostgreSQL — a restart loses
 * nothing, and a worker killed mid-attempt leaves a lease that expires into one more attempt. The claim
 * caps what is in flight per endpoint, so one slow endpoint never holds up the others.
 */
import {
  claimDueDeliveries,
  fanOutEvents,
  recordAttempts,
  workspaceAdminEmails,
  type AttemptOutcome,
  type ClaimedDelivery,
} from '@/db/queries/webhooks';
import { sendMail } from '@/lib/mail';
import { attemptDelivery, eventBody, isSuccess, nextRetryAt } from './deliver';

export const FAILING_DAYS_BEFORE_DISABLE = 5;
/** Outbox events moved to deliveries per pass. */
const FAN_OUT_LIMIT = 500;

export type EngineOptions = {
  /** Deliveries leased per claim. */
  batch?: number;
  /** Deliveries in flight per endpoint, across every worker. */
  perEndpoint?: number;
  /** How often an idle lane looks for work. */
  pollMs?: number;
  leaseSeconds?: number;
  log?: (line: string) => void;
  /** Only these workspaces (tests); the worker serves every one. */
  workspaceIds?: string[];
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
  const body = eventBody(d.payload);
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
    for (const to of await workspaceAdminEmails(hook.workspace_id)) {
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

/** One pass: fan out what the outbox holds, then one claim's worth of attempts. Returns how much it did. */
export async function runEngineOnce(options: EngineOptions = {}): Promise<{ fannedOut: number; attempted: number }> {
  const batch = options.batch ?? numberFromEnv('WEBHOOK_BATCH', 100);
  const perEndpoint = options.perEndpoint ?? numberFromEnv('WEBHOOK_CONCURRENCY_PER_ENDPOINT', 128);
  const log = options.log ?? (() => {});
  const leaseSeconds = options.leaseSeconds ?? 60;
  const scope = options.workspaceIds ?? null;
  // Fresh events first: fan-out leases the deliveries that fit their endpoint's cap at once.
  const { events: fannedOut, leased } = await fanOutEvents(FAN_OUT_LIMIT, { perEndpoint, leaseSeconds, workspaceIds: scope });
  const claimed = leased.length >= batch ? leased : [...leased, ...(await claimDueDeliveries(batch - leased.length, perEndpoint, leaseSeconds, scope))];
  if (claimed.length === 0) return { fannedOut, attempted: 0 };
  const outcomes = await Promise.all(claimed.map(attempt));
  const disabled = await recordAttempts(outcomes, FAILING_DAYS_BEFORE_DISABLE);
  for (const o of outcomes) if (o.gone) log(`webhook ${o.webhookId} disabled: it answered 410 Gone`);
  await tellAdmins(disabled, log);
  return { fannedOut, attempted: claimed.length };
}

export type WebhookEngine = { stop: () => Promise<void> };

/**
 * The worker's engine, a pipeline: a claim loop leases due deliveries (fresh ones from the outbox first)
 * whenever this process has free slots, each attempt starts as soon as it is leased, and a recorder writes
 * finished attempts in batches. So sends overlap with claims and records, and no slot waits for the
 * slowest attempt of a batch. At most `WEBHOOK_MAX_IN_FLIGHT` (default 512) attempts run in this process,
 * at most `WEBHOOK_CONCURRENCY_PER_ENDPOINT` (default 128) per endpoint across every worker (the claim
 * counts leases in PostgreSQL). `stop` lets running attempts finish and records them.
 */
export function startWebhookEngine(options: EngineOptions & { maxInFlight?: number } = {}): WebhookEngine {
  const maxInFlight = options.maxInFlight ?? numberFromEnv('WEBHOOK_MAX_IN_FLIGHT', 512);
  const perEndpoint = options.perEndpoint ?? numberFromEnv('WEBHOOK_CONCURRENCY_PER_ENDPOINT', 128);
  const leaseSeconds = options.leaseSeconds ?? 60;
  const pollMs = options.pollMs ?? 200;
  const scope = options.workspaceIds ?? null;
  const log = options.log ?? (() => {});
  let stopping = false;
  let inFlight = 0;
  const finished: AttemptOutcome[] = [];
  const wakers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });
  const wakeAll = () => [...wakers].forEach((w) => w());
  const report = (error: unknown) => log(`webhook engine: ${error instanceof Error ? error.message : String(error)}`);

  const start = (d: ClaimedDelivery) => {
    inFlight++;
    attempt(d)
      .then((o) => finished.push(o))
      .catch(report)
      .finally(() => {
        inFlight--;
        wakeAll();
      });
  };

  const claimLoop = async () => {
    while (!stopping) {
      try {
        const free = maxInFlight - inFlight;
        if (free < Math.min(16, maxInFlight)) {
          await sleep(pollMs);
          continue;
        }
        // As many fresh events as one endpoint may take at once: more would only queue behind its cap.
        const { events, leased } = await fanOutEvents(Math.min(free, perEndpoint, FAN_OUT_LIMIT), { perEndpoint, leaseSeconds, workspaceIds: scope });
        leased.forEach(start);
        const room = free - leased.length;
        const claimed = room > 0 ? await claimDueDeliveries(room, perEndpoint, leaseSeconds, scope) : [];
        claimed.forEach(start);
        if (events === 0 && leased.length === 0 && claimed.length === 0) await sleep(pollMs);
      } catch (error) {
        if (stopping) break;
        report(error);
        await sleep(1000);
      }
    }
  };

  const recordLoop = async () => {
    while (!stopping || inFlight > 0 || finished.length > 0) {
      if (finished.length === 0) {
        await sleep(stopping ? 20 : 10);
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
        await sleep(1000);
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
