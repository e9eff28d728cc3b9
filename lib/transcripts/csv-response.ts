/** The streamed CSV response shared by the API and the dashboard's Export button. */
import { csvFilename, streamCsv } from './csv';
import type { TranscriptFilters } from './filters';

export function csvResponse(workspaceId: string, filters: TranscriptFilters, rows: 'conversations' | 'messages'): Response {
  return new Response(streamCsv(workspaceId, filters, rows), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csvFilename(rows, filters)}"`,
      'cache-control': 'no-store',
    },
  });
}
