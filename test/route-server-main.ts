/**
 * The /v1 route server as a process of its own, so a test can SIGKILL it mid-request:
 * `tsx test/route-server-main.ts PORT` (DATABASE_URL from the environment). Prints `ready URL`.
 */
import { startRouteServer } from './route-server';

const port = Number(process.argv[2] ?? 0);
// Loaded before announcing readiness, so the first batches are not slowed by compiling the ingest code.
await import('@/app/v1/batch/route');
const server = await startRouteServer({ port });
console.log(`ready ${server.url}`);
