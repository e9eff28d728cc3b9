CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- `q`: case-insensitive substring search over message content (ILIKE '%…%' uses trigram GIN).
CREATE INDEX IF NOT EXISTS "messages_content_trgm_idx" ON "messages" USING gin ("content" gin_trgm_ops);
--> statement-breakpoint
-- Keyset pages: ORDER BY <key>, id COLLATE "C" (both directions), tenant first.
CREATE INDEX IF NOT EXISTS "conversations_started_id_idx" ON "conversations" ("workspace_id", "started_at", "id" COLLATE "C");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "conversations_messages_id_idx" ON "conversations" ("workspace_id", "message_count", "id" COLLATE "C");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "conversations_duration_id_idx" ON "conversations"
  ("workspace_id", (extract(epoch FROM coalesce("ended_at", "last_activity_at") - "started_at")), "id" COLLATE "C");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "conversations_sentiment_asc_idx" ON "conversations"
  ("workspace_id", (coalesce("sentiment_score"::float8, 'NaN'::float8)), "id" COLLATE "C");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "conversations_sentiment_desc_idx" ON "conversations"
  ("workspace_id", (coalesce("sentiment_score"::float8, '-Infinity'::float8)), "id" COLLATE "C");
