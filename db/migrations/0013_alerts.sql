CREATE TABLE "alert_events" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"rule_id" text NOT NULL,
	"status" text NOT NULL,
	"value" double precision,
	"threshold" double precision NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"snoozed" boolean DEFAULT false NOT NULL,
	"notifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notified_at" timestamp with time zone,
	"retry_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_events_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"avatar_id" text,
	"goal_id" text,
	"funnel_id" text,
	"funnel_step" integer,
	"time_window" text NOT NULL,
	"op" text NOT NULL,
	"threshold" double precision NOT NULL,
	"compare" text DEFAULT 'value' NOT NULL,
	"min_conversations" integer DEFAULT 0 NOT NULL,
	"for_checks" integer DEFAULT 1 NOT NULL,
	"no_data" text DEFAULT 'ok' NOT NULL,
	"channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"snoozed_until" timestamp with time zone,
	"state" text DEFAULT 'ok' NOT NULL,
	"breaches" integer DEFAULT 0 NOT NULL,
	"last_value" double precision,
	"last_has_data" boolean,
	"last_checked_at" timestamp with time zone,
	"recent_checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_rules_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_events_rule_idx" ON "alert_events" USING btree ("workspace_id","rule_id","at");--> statement-breakpoint
CREATE INDEX "alert_events_unnotified_idx" ON "alert_events" USING btree ("retry_at") WHERE notified_at IS NULL;--> statement-breakpoint
CREATE INDEX "alert_rules_enabled_idx" ON "alert_rules" USING btree ("enabled","workspace_id");