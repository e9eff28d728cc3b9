CREATE TABLE "webhook_attempts" (
	"workspace_id" uuid NOT NULL,
	"delivery_id" text NOT NULL,
	"webhook_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_code" integer,
	"duration_ms" integer NOT NULL,
	"response_excerpt" text,
	"error" text,
	CONSTRAINT "webhook_attempts_workspace_id_delivery_id_attempt_pk" PRIMARY KEY("workspace_id","delivery_id","attempt")
);
--> statement-breakpoint
DROP INDEX "outbox_events_conversation_idx";--> statement-breakpoint
-- Before this migration nothing delivered the stream and no endpoint could subscribe: the events written so
-- far (goal.completed, in an older payload shape) had no receiver, which is what fan-out does with them.
DELETE FROM "outbox_events";--> statement-breakpoint
DELETE FROM "webhook_deliveries";--> statement-breakpoint
ALTER TABLE "outbox_events" ALTER COLUMN "payload" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ALTER COLUMN "payload" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "event_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "conversation_id" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "event_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "conversation_id" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "attempt_base" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhooks" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "webhooks" ADD COLUMN "previous_secret" text;--> statement-breakpoint
ALTER TABLE "webhooks" ADD COLUMN "previous_secret_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhooks" ADD COLUMN "failing_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_attempts_hook_idx" ON "webhook_attempts" USING btree ("workspace_id","webhook_id","at");--> statement-breakpoint
CREATE INDEX "outbox_events_conversation_id_idx" ON "outbox_events" USING btree ("workspace_id","conversation_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_conversation_idx" ON "webhook_deliveries" USING btree ("workspace_id","conversation_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created_idx" ON "webhook_deliveries" USING brin ("created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_leased_idx" ON "webhook_deliveries" USING btree ("workspace_id","webhook_id") WHERE locked_until IS NOT NULL;--> statement-breakpoint
-- Both tables churn (every row is written a few times, then deleted or settled): vacuum them early, so the
-- claim's walk of the pending index meets few dead entries.
ALTER TABLE "webhook_deliveries" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.05);--> statement-breakpoint
ALTER TABLE "outbox_events" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.05);
