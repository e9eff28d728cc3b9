/** The wrapper every /v1 route handler goes through: resolves the API key to its workspace and checks the scope. */
import type { NextRequest } from 'next/server';
import { authenticateApiKey, type ApiKeyPrincipal, type ApiKeyScope } from '@/lib/auth/api-keys';
import { clientIpFromHeaders } from '@/lib/http/client-ip';
import { runWithRequestContext } from '@/db/request-context';
import { identifier } from '@/lib/ingest/parse/schema-primitives';
import { ApiError, errorResponse, forbidden, unauthorized, zodDetails } from './errors';

export type ApiContext<P> = ApiKeyPrincipal & { params: P };
type RouteContext<P> = { params: Promise<P> };

/** `admin` keys may also read and ingest; `read` and `ingest` grant only themselves. */
export function hasScope(scopes: ApiKeyScope[], needed: ApiKeyScope): boolean {
  return scopes.includes(needed) || scopes.includes('admin');
}

export async function principalFromRequest(req: Request): Promise<ApiKeyPrincipal> {
  const header = req.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthorized('Send your API key as `Authorization: Bearer <key>`');
  const principal = await authenticateApiKey(match[1]);
  if (!principal) throw unauthorized('Invalid or revoked API key');
  return principal;
}

/**
 * Path parameters are ids or names of things stored under the ingest `identifier` rules; a value those rules
 * refuse (empty, NUL or control characters, invalid Unicode, over 200 characters) is a 422 naming the
 * parameter, before any handler or query sees it.
 */
function checkedParams<P>(params: P | undefined): P {
  const entries = Object.entries((params ?? {}) as Record<string, unknown>);
  const details = entries.flatMap(([name, value]) => {
    const result = identifier.safeParse(value);
    return result.success ? [] : zodDetails(result.error).map((d) => ({ ...d, path: name }));
  });
  if (details.length) throw new ApiError(422, 'validation_error', 'Invalid path parameter', details);
  return (params ?? {}) as P;
}

export function withApiKey<P = Record<string, never>>(
  scope: ApiKeyScope,
  handler: (req: NextRequest, ctx: ApiContext<P>) => Promise<Response>,
) {
  return async (req: NextRequest, route: RouteContext<P>): Promise<Response> => {
    try {
      const principal = await principalFromRequest(req);
      if (!hasScope(principal.scopes, scope)) throw forbidden(`This API key lacks the \`${scope}\` scope`);
      const params = checkedParams(await route?.params);
      return await runWithRequestContext({ ip: clientIpFromHeaders(req.headers) }, () => handler(req, { ...principal, params }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
