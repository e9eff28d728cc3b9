/** The dashboard's Export button: the CSV of the current filters, for any signed-in member of the workspace. */
import type { NextRequest } from 'next/server';
import { errorResponse, unauthorized, validationError } from '@/lib/api/errors';
import { getSessionContext } from '@/lib/auth/session';
import { queryParams, storableQuery } from '@/lib/http/query';
import { csvResponse } from '@/lib/transcripts/csv-response';
import { listQuerySchema, splitListQuery } from '@/lib/transcripts/schemas';

export async function GET(req: NextRequest): Promise<Response> {
  try {
    const context = await getSessionContext();
    if (!context) throw unauthorized('Sign in to export transcripts');
    const query = storableQuery.safeParse(queryParams(req.nextUrl.searchParams));
    if (!query.success) throw validationError(query.error, 'Invalid filters');
    const parsed = listQuerySchema.safeParse(query.data);
    if (!parsed.success) throw validationError(parsed.error, 'Invalid filters');
    const { filters, rows } = splitListQuery(parsed.data);
    return csvResponse(context.workspace.id, filters, rows);
  } catch (error) {
    return errorResponse(error);
  }
}
