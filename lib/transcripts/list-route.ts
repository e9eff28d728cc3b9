/**
 * `GET /v1/conversations` (scope `read`): conversations matching the filters as cursor-paginated JSON,
 * or every match as a streamed CSV (`format=csv`, one row per message with `rows=messages`).
 * Re-exported as GET by app/v1/conversations/route.ts.
 */
import { NextResponse } from 'next/server';
import { validationError } from '@/lib/api/errors';
import { withRateLimit } from '@/lib/api/rate-limit';
import { withApiKey } from '@/lib/api/with-api-key';
import { csvResponse } from './csv-response';
import { listConversations } from './list';
import { listQuerySchema, searchParamsToObject, splitListQuery } from './schemas';

export const listConversationsRoute = withApiKey(
  'read',
  withRateLimit(async (req, { workspaceId }) => {
  const parsed = listQuerySchema.safeParse(searchParamsToObject(req.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error, 'Invalid query parameters');
  const { filters, cursor, limit, format, rows } = splitListQuery(parsed.data);
  if (format === 'csv') return csvResponse(workspaceId, filters, rows);
  return NextResponse.json(await listConversations(workspaceId, filters, cursor, limit));
  }),
);
