/**
 * Ingestion first, when asked (`WEBHOOK_YIELD=1`). A delivery costs CPU in three processes at once — the
 * worker's HTTP client, the receiver and the worker's database session — about as much as ingesting a message
 * does. With the gate on, the engine waits before each round of sends (up to 500 events) while the web server
 * has a statement running (`busy`), at most `WEBHOOK_YIELD_MAX_MS` (default 300 ms) a round: ingestion flat
 * out is then barely slowed by its own webhooks, whose deliveries queue in the database and go out in its
 * gaps. It is off by default because it delays deliveries whenever the web server is busy: on 2 cores
 * (npm run bench -- webhooks) it lifted flat-out ingestion with one endpoint from 0.63× to 0.85× of the rate
 * without, but the lag at half the flat-out rate went from p95 0.2 s to 1.4–4.8 s. A worker whose web server
 * shows under the same `application_name` never sees it busy (`npm start` names them apart).
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

export const yieldEnabled = () => process.env.WEBHOOK_YIELD === '1';

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
