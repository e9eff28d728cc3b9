/**
 * Ingestion first while it is saturated. A delivery costs CPU in three processes at once — the worker's HTTP
 * client, the receiver and the worker's database session — about as much as ingesting the message it carries,
 * so on a small machine deliveries that keep pace with flat-out ingestion halve it. Before each round of sends
 * the engine asks the gate; the gate looks at the database (`look`): whether the web server has a statement
 * running now, and how old the oldest undelivered event is.
 *
 * - While ingestion is not saturated, nothing waits: deliveries go out as soon as they can.
 * - Ingestion is saturated when the web server was at work in at least 95% of the looks of the last 2 s. Then
 *   a round waits for a gap in its work, but never lets the oldest event wait longer than
 *   `WEBHOOK_YIELD_MAX_LAG_MS` (default 30 s). A burst of ingestion is thus barely slowed by its webhooks,
 *   whose deliveries queue in the database and go out once the burst ends (at thousands a second), and a
 *   burst that goes on for longer gets its deliveries at most that late.
 *
 * `WEBHOOK_YIELD=0` turns the gate off. A worker whose web server shows under the same `application_name`
 * never sees it busy (`npm start` names them apart); neither does one on the embedded database.
 */
export type Look = { busy: boolean; oldestAgeMs: number | null };

export type YieldGateOptions = {
  look: () => Promise<Look>;
  /** The longest an event is held back while ingestion is saturated. */
  maxLagMs?: number;
  /** The looks that decide whether ingestion is saturated: those of the last `windowMs`, at least `minLooks`. */
  windowMs?: number;
  minLooks?: number;
  /** The share of those looks that saw the web server at work. */
  saturatedShare?: number;
  /** How often the gate looks while it waits. */
  sampleMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

export const yieldEnabled = () => process.env.WEBHOOK_YIELD !== '0';

export function yieldMaxLagMs(): number {
  const n = Number(process.env.WEBHOOK_YIELD_MAX_LAG_MS);
  return process.env.WEBHOOK_YIELD_MAX_LAG_MS && Number.isFinite(n) ? Math.min(600_000, Math.max(0, n)) : 30_000;
}

export type YieldGate = {
  /** Resolves when the next round may go; returns how long it waited. */
  wait: () => Promise<number>;
  saturated: () => boolean;
};

export function createYieldGate(options: YieldGateOptions): YieldGate {
  const maxLagMs = options.maxLagMs ?? yieldMaxLagMs();
  const windowMs = options.windowMs ?? 2000;
  const minLooks = options.minLooks ?? 8;
  const saturatedShare = options.saturatedShare ?? 0.95;
  const sampleMs = options.sampleMs ?? 25;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const looks: { at: number; busy: boolean }[] = [];

  const saturated = () => {
    const since = now() - windowMs;
    while (looks.length && looks[0].at < since) looks.shift();
    return looks.length >= minLooks && looks.filter((l) => l.busy).length >= saturatedShare * looks.length;
  };
  // A failed look (the database busy, or gone) is no reason to hold deliveries back.
  const lookNow = () => options.look().catch((): Look => ({ busy: false, oldestAgeMs: null }));

  return {
    saturated,
    async wait() {
      const started = now();
      for (;;) {
        const look = await lookNow();
        looks.push({ at: now(), busy: look.busy });
        if (!look.busy || !saturated()) break;
        // Nothing waiting (the round finds nothing), or the oldest event has waited long enough.
        if (look.oldestAgeMs === null || look.oldestAgeMs >= maxLagMs) break;
        await sleep(sampleMs);
      }
      return now() - started;
    },
  };
}
