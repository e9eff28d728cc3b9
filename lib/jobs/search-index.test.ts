import { afterAll, expect, test } from 'vitest';
import { closeDb, sql } from '@/db';
import { mergeSearchPendingList, SEARCH_INDEX } from '@/db/queries/search-index';
import { ingestBatch } from '@/lib/ingest';
import { listConversations } from '@/lib/transcripts/list';
import { transcriptFiltersSchema } from '@/lib/transcripts/filters';
import { createTestWorkspace } from '@/test/factories';

afterAll(closeDb);

const found = async (ws: string, q: string) =>
  (await listConversations(ws, transcriptFiltersSchema.parse({ q }), null, 50)).data.map((c) => c.id);

test('the search index takes messages into its pending list, and they are found before and after the merge', async () => {
  const [index] = await sql<{ options: string[] }[]>`SELECT reloptions AS options FROM pg_class WHERE relname = ${SEARCH_INDEX}`;
  expect(index.options).toEqual(expect.arrayContaining(['fastupdate=on', 'gin_pending_list_limit=32768']));

  const ws = (await createTestWorkspace()).id;
  await ingestBatch(ws, {
    batch: [
      { id: 'c', type: 'conversation', body: { id: 'c1', avatarId: 'support' } },
      { id: 'm1', type: 'message', body: { conversationId: 'c1', role: 'user', content: 'Mein Päckchen ist verschwunden' } },
      { id: 'm2', type: 'message', body: { conversationId: 'c1', role: 'assistant', content: 'Ich sehe nach: Auftrag 4711' } },
    ],
  });
  // Before any merge the new entries are in the pending list, and search finds them there.
  expect(await found(ws, 'päckchen')).toEqual(['c1']);
  expect(await mergeSearchPendingList()).toBeGreaterThanOrEqual(0);
  expect(await found(ws, 'päckchen')).toEqual(['c1']);
  expect(await found(ws, 'auftrag 4711')).toEqual(['c1']);
  expect(await found(ws, 'paket')).toEqual([]);
});
