/**
 * The /v1 route server as a process of its own, so a test can SIGKILL it mid-request:
 * `tsx test/route-server-main.ts PORT [HOLD_MS]` (DATABASE_URL from the environment). Prints `ready URL`.
 * HOLD_MS delays each answer after the handler returned, so a kill lands after commits more often.
 */
import { startRouteServer } from './route-server';

const port = Number(process.argv[2] ?? 0);
// Loaded before announcing readiness, so the first batches are not slowed by compiling the ingest code.
await import('@/app/v1/batch/route');
const server = await startRouteServer({ port, holdResponseMs: Number(process.argv[3] ?? 0) });
console.log(`ready ${server.url}`);
