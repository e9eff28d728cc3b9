/**
 * What the current request knows about its caller (the client IP), for code far below the wrapper that
 * resolved it: `withSession` and `withApiKey` run their handler inside it, and the audit log reads it, so no
 * caller has to pass the address along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type RequestContext = { ip: string | null };

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

/** The client IP of the request being served, or null outside one (jobs, the CLI, tests). */
export function currentRequestIp(): string | null {
  return storage.getStore()?.ip ?? null;
}
