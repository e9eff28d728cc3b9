-- Transcript search's trigram index takes new messages into its pending list (GIN's fastupdate) and merges
-- them into the index later, in large, cheaper batches: the worker merges every few seconds
-- (lib/jobs/search-index.ts), so ingest only appends. Entries still in the list are searched like the rest,
-- so search never lags. 32 MB is the most the list holds before an insert merges it itself.
ALTER INDEX "messages_content_trgm_idx" SET (fastupdate = on, gin_pending_list_limit = 32768);
