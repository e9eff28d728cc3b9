/**
 * The delivery engine: moves outbox events to deliveries (fan-out), then leases due deliveries and
 * attempts them, several lanes at once. Everything it holds lives in PostgreSQL — a restart loses
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
  /** Concurrent claim-attempt-record loops in this process. */
  lanes?: number;
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
  const perEndpoint = options.perEndpoint ?? numberFromEnv('WEBHOOK_CONCURRENCY_PER_ENDPOINT', 64);
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

export function startWebhookEngine(options: EngineOptions = {}): WebhookEngine {
  const lanes = options.lanes ?? numberFromEnv('WEBHOOK_LANES', 4);
  const pollMs = options.pollMs ?? 200;
  const log = options.log ?? (() => {});
  let stopping = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const lane = async () => {
    while (!stopping) {
      try {
        const { fannedOut, attempted } = await runEngineOnce(options);
        if (fannedOut === 0 && attempted === 0) await sleep(pollMs);
      } catch (error) {
        if (stopping) break;
        log(`webhook engine: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(1000);
      }
    }
  };
  const running = Array.from({ length: lanes }, lane);
  return {
    stop: async () => {
      stopping = true;
      wake?.();
      await Promise.all(running);
    },
  };
}
