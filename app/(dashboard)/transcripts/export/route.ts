/** The dashboard's Export button: the CSV of the current filters, for any signed-in member of the workspace. */
import type { NextRequest } from 'next/server';
import { errorResponse, unauthorized, validationError } from '@/lib/api/errors';
import { getSessionContext } from '@/lib/auth/session';
import { csvResponse } from '@/lib/transcripts/csv-response';
import { listQuerySchema, searchParamsToObject, splitListQuery } from '@/lib/transcripts/schemas';

export async function GET(req: NextRequest): Promise<Response> {
  try {
    const context = await getSessionContext();
    if (!context) throw unauthorized('Sign in to export transcripts');
    const parsed = listQuerySchema.safeParse(searchParamsToObject(req.nextUrl.searchParams));
    if (!parsed.success) throw validationError(parsed.error, 'Invalid filters');
    const { filters, rows } = splitListQuery(parsed.data);
    return csvResponse(context.workspace.id, filters, rows);
  } catch (error) {
    return errorResponse(error);
  }
}
