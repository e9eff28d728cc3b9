/**
 * Deliveries give way to ingestion. A delivery costs CPU in three processes at once — the worker's HTTP
 * client, the receiver and the worker's database session — about as much as ingesting a message does. On a
 * machine that also runs the web server, the engine therefore waits, before each round of sends (up to 500
 * events), while the web server has a statement running (`busy`): ingestion flat out is not slowed much by
 * its own webhooks, whose deliveries queue in the database and go out in its gaps. The wait is bounded
 * (`WEBHOOK_YIELD_MAX_MS`, default 300 ms a round), so deliveries keep flowing while ingestion never pauses.
 * `WEBHOOK_YIELD=0` turns it off; a worker whose web server shows under the same `application_name` never
 * sees it busy (`npm start` names them apart). Measured on 2 cores (npm run bench -- webhooks): a 1,000 ms
 * bound held deliveries back for seconds at half the flat-out rate, 200 ms gave ingestion less room.
 */
export type YieldGateOptions = {
  /** Whether the web server is at work now. */
  busy: () => Promise<boolean>;
  maxWaitMs?: number;
  /** How often `busy` is asked while waiting. */
  sampleMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

export const yieldEnabled = () => process.env.WEBHOOK_YIELD !== '0';

export function yieldMaxWaitMs(): number {
  const n = Number(process.env.WEBHOOK_YIELD_MAX_MS);
  return process.env.WEBHOOK_YIELD_MAX_MS && Number.isFinite(n) ? Math.min(60_000, Math.max(0, n)) : 300;
}

/** `wait()` resolves once `busy()` says no, or after `maxWaitMs`; it returns how long it waited. */
export function createYieldGate(options: YieldGateOptions): { wait: () => Promise<number> } {
  const maxWaitMs = options.maxWaitMs ?? yieldMaxWaitMs();
  const sampleMs = options.sampleMs ?? 25;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  return {
    async wait() {
      const started = now();
      while (now() - started < maxWaitMs) {
        // A failed look (the database busy, or gone) is no reason to hold deliveries back.
        if (!(await options.busy().catch(() => false))) break;
        await sleep(sampleMs);
      }
      return now() - started;
    },
  };
}
