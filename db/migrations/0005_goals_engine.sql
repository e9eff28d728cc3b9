CREATE TABLE "outbox_events" (
	"workspace_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "goal_completions" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
UPDATE "goal_completions" gc SET "started_at" = c."started_at" FROM "conversations" c WHERE c."workspace_id" = gc."workspace_id" AND c."id" = gc."conversation_id";--> statement-breakpoint
DELETE FROM "goal_completions" WHERE "started_at" IS NULL;--> statement-breakpoint
ALTER TABLE "goal_completions" ALTER COLUMN "started_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "backfill_error" text;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "backfill_heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_events_id_idx" ON "outbox_events" USING btree ("id");--> statement-breakpoint
CREATE INDEX "actions_name_idx" ON "actions" USING btree ("workspace_id","name","started_at");--> statement-breakpoint
CREATE INDEX "events_name_idx" ON "events" USING btree ("workspace_id","name","timestamp");--> statement-breakpoint
CREATE INDEX "goal_completions_started_idx" ON "goal_completions" USING btree ("workspace_id","started_at","goal_id");