/** The streamed CSV response shared by the API and the dashboard's Export button. */
import { csvFilename, streamConversationsCsv, streamMessagesCsv } from './csv';
import type { TranscriptFilters } from './filters';

export function csvResponse(workspaceId: string, filters: TranscriptFilters, rows: 'conversations' | 'messages'): Response {
  const body = rows === 'messages' ? streamMessagesCsv(workspaceId, filters) : streamConversationsCsv(workspaceId, filters);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csvFilename(rows, filters)}"`,
      'cache-control': 'no-store',
    },
  });
}
