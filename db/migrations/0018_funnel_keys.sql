-- Funnels (issue #19): a 64-bit key per conversation, hashed from its id, carried by the rows a funnel
-- step reads (tool calls, events, goal completions). A funnel then merge-joins the conversations with each
-- step's rows in (key, id) order instead of hashing text ids, and splits the work by key range. The
-- columns are generated, so every writer fills them and adding them fills the existing rows (a rewrite of
-- each table). The joins match on key and id both, so a hash collision never merges two conversations.
DROP INDEX IF EXISTS "actions_name_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "events_name_idx";--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "id_key" bigint GENERATED ALWAYS AS (hashtextextended(id, 0)) STORED;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "conversation_key" bigint GENERATED ALWAYS AS (hashtextextended(conversation_id, 0)) STORED;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "conversation_key" bigint GENERATED ALWAYS AS (hashtextextended(conversation_id, 0)) STORED;--> statement-breakpoint
ALTER TABLE "goal_completions" ADD COLUMN "conversation_key" bigint GENERATED ALWAYS AS (hashtextextended(conversation_id, 0)) STORED;--> statement-breakpoint
-- Read index-only: what a funnel needs of a conversation, a completion, a tool call or an event is INCLUDEd
-- or a key column. The name indexes keep (workspace, name) first for the builder's name suggestions.
CREATE INDEX "conversations_key_idx" ON "conversations" USING btree ("workspace_id","id_key","id") INCLUDE ("started_at","user_message_count");--> statement-breakpoint
-- A short range's conversations come from the range indexes instead, sorted by key: they INCLUDE it too.
DROP INDEX IF EXISTS "conversations_started_idx";--> statement-breakpoint
CREATE INDEX "conversations_started_idx" ON "conversations" USING btree ("workspace_id","started_at") INCLUDE ("id","user_message_count","id_key");--> statement-breakpoint
DROP INDEX IF EXISTS "conversations_avatar_started_idx";--> statement-breakpoint
CREATE INDEX "conversations_avatar_started_idx" ON "conversations" USING btree ("workspace_id","avatar_id","started_at") INCLUDE ("id","user_message_count","id_key");--> statement-breakpoint
CREATE INDEX "goal_completions_key_idx" ON "goal_completions" USING btree ("workspace_id","goal_id","conversation_key","conversation_id") INCLUDE ("completed_at");--> statement-breakpoint
CREATE INDEX "actions_name_idx" ON "actions" USING btree ("workspace_id","name","conversation_key","conversation_id","started_at");--> statement-breakpoint
CREATE INDEX "events_name_idx" ON "events" USING btree ("workspace_id","name","conversation_key","conversation_id","timestamp");--> statement-breakpoint
ANALYZE "conversations";--> statement-breakpoint
ANALYZE "actions";--> statement-breakpoint
ANALYZE "events";--> statement-breakpoint
ANALYZE "goal_completions";
