/**
 * The worker's CPU priority. Its jobs (webhook deliveries, alert checks, goal back-fills, housekeeping) are
 * background work: on a machine it shares with the web server, it runs at a lower priority (`WORKER_NICE`,
 * default 10; `0` leaves it as it is), so ingestion and page loads come first and the jobs use what they leave.
 * Nothing waits for ever: at nice 10 the worker still gets about a tenth of a busy CPU, and all of an idle one.
 * On Linux the nice value is per thread; this sets the calling thread's, the JavaScript thread that runs the jobs.
 */
import os from 'node:os';

export function workerNice(): number {
  const raw = process.env.WORKER_NICE;
  const n = raw === undefined || raw === '' ? 10 : Math.floor(Number(raw));
  return Number.isFinite(n) ? Math.max(0, Math.min(19, n)) : 10;
}

/** Lowers this thread's priority to `workerNice()`; says so, or why not, through `log`. */
export function lowerWorkerPriority(log: (line: string) => void): void {
  const nice = workerNice();
  if (nice === 0) return;
  try {
    if (os.getPriority() < nice) os.setPriority(nice);
    log(`running at nice ${os.getPriority()} (WORKER_NICE), below the web server`);
  } catch (error) {
    log(`could not lower the worker's priority: ${String(error)}`);
  }
}
