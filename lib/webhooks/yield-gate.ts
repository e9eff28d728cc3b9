/**
 * Ingestion first while it is saturated. A delivery costs CPU in three processes at once — the worker's HTTP
 * client, the receiver and the worker's database session — about as much as ingesting the message it carries,
 * so on a small machine deliveries that keep pace with flat-out ingestion halve it. Before each round of sends
 * the engine asks the gate; the gate looks at the database (`look`): whether the web server has a statement
 * running now, and how old the oldest undelivered event is.
 *
 * - While ingestion is not saturated, nothing waits: deliveries go out as soon as they can.
 * - Ingestion is saturated when the web server was at work in at least 95% of the looks of the last 2 s taken
 *   while this worker had nothing in flight (so its own deliveries are not what keeps the web server busy). Then
 *   the round is held for as long as the web server stays busy with deliveries held back (at work in at least
 *   80% of the looks of the last 0.5 s, taken every 25 ms) — that is, while ingestion takes all the CPU it is
 *   given, as a flat-out burst does — and at most until the oldest event has waited `WEBHOOK_YIELD_MAX_LAG_MS`
 *   (default 30 s). A burst is thus barely slowed by its webhooks, whose deliveries queue in the database and
 *   go out once it ends.
 * - A hold that ends because ingestion left room (it only looked saturated because deliveries shared the
 *   CPU with it) is followed by 10 s in which rounds go at once: ingestion at a rate the machine can carry,
 *   deliveries included, is not held back for seconds.
 *
 * `WEBHOOK_YIELD=0` turns the gate off. A worker whose web server shows under the same `application_name`
 * never sees it busy (`npm start` names them apart); neither does one on the embedded database.
 */
export type Look = { busy: boolean; oldestAgeMs: number | null };

export type YieldGateOptions = {
  look: () => Promise<Look>;
  /**
   * Whether this worker has nothing in flight (no attempt, no batch being written): only the looks taken then
   * judge saturation, as a web server that is busy while deliveries share the CPU with it says nothing about
   * ingestion alone.
   */
  idle?: () => boolean;
  /** The longest an event is held back while ingestion is saturated. */
  maxLagMs?: number;
  /** The looks that decide whether ingestion is saturated: those of the last `windowMs`, at least `minLooks`. */
  windowMs?: number;
  minLooks?: number;
  /** While holding: the looks that decide whether ingestion still takes all the CPU. */
  holdWindowMs?: number;
  /** After a hold that ingestion ended by leaving room, how long rounds go without a hold. */
  cooldownMs?: number;
  /** The share of the window's looks that saw the web server at work, from which ingestion is saturated. */
  saturatedShare?: number;
  /** While holding, the share below which ingestion has room: the hold ends. */
  roomShare?: number;
  /** How often the gate looks while it holds. */
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
  const holdWindowMs = options.holdWindowMs ?? 500;
  const cooldownMs = options.cooldownMs ?? 10_000;
  const minLooks = options.minLooks ?? 8;
  const saturatedShare = options.saturatedShare ?? 0.95;
  const roomShare = options.roomShare ?? 0.8;
  const sampleMs = options.sampleMs ?? 25;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const looks: { at: number; busy: boolean }[] = [];
  let freeUntil = 0;

  /** The share of the looks of the last `ms` that saw the web server at work (null: fewer than `atLeast`). */
  const busyShare = (ms: number, atLeast: number) => {
    while (looks.length && looks[0].at < now() - windowMs) looks.shift();
    const recent = looks.filter((l) => l.at >= now() - ms);
    return recent.length < atLeast ? null : recent.filter((l) => l.busy).length / recent.length;
  };
  const saturated = () => (busyShare(windowMs, minLooks) ?? 0) >= saturatedShare;
  // A failed look (the database busy, or gone) is no reason to hold deliveries back.
  const look = async () => {
    const seen = await options.look().catch((): Look => ({ busy: false, oldestAgeMs: null }));
    if (options.idle?.() ?? true) looks.push({ at: now(), busy: seen.busy });
    return seen;
  };

  return {
    saturated,
    async wait() {
      const started = now();
      let seen = await look();
      if (!seen.busy || now() < freeUntil || !saturated()) return 0;
      // Held while ingestion takes all the CPU it is given; nothing waiting (the round finds nothing), or the
      // oldest event having waited long enough, ends it too.
      while (seen.oldestAgeMs !== null && seen.oldestAgeMs < maxLagMs) {
        await sleep(sampleMs);
        seen = await look();
        if (now() - started >= holdWindowMs && (busyShare(holdWindowMs, 2) ?? 1) < roomShare) {
          freeUntil = now() + cooldownMs;
          break;
        }
      }
      return now() - started;
    },
  };
}
