CREATE TABLE "analytics_flush" (
	"txid" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_pending" (
	"txid" bigint NOT NULL,
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"present" boolean NOT NULL,
	"avatar_id" text,
	"customer_id" text,
	"source" text,
	"started_at" timestamp with time zone,
	"sentiment_sum" double precision,
	"sentiment_count" integer,
	"sentiment_label" "sentiment_label",
	"feedback" text,
	CONSTRAINT "analytics_pending_txid_workspace_id_conversation_id_pk" PRIMARY KEY("txid","workspace_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_customer_hours" (
	"workspace_id" uuid NOT NULL,
	"avatar_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"gap_hours" smallint NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_customer_hours_workspace_id_avatar_id_hour_gap_hours_pk" PRIMARY KEY("workspace_id","avatar_id","hour","gap_hours")
);
--> statement-breakpoint
CREATE TABLE "rollup_customer_returns" (
	"workspace_id" uuid NOT NULL,
	"avatar_id" text NOT NULL,
	"day" date NOT NULL,
	"gap_days" smallint NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_customer_returns_workspace_id_avatar_id_day_gap_days_pk" PRIMARY KEY("workspace_id","avatar_id","day","gap_days")
);
--> statement-breakpoint
CREATE TABLE "rollup_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"avatar_id" text NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	"interacted_conversations" integer DEFAULT 0 NOT NULL,
	"messages" integer DEFAULT 0 NOT NULL,
	"user_messages" integer DEFAULT 0 NOT NULL,
	"assistant_messages" integer DEFAULT 0 NOT NULL,
	"system_messages" integer DEFAULT 0 NOT NULL,
	"prompt_tokens" bigint DEFAULT 0 NOT NULL,
	"completion_tokens" bigint DEFAULT 0 NOT NULL,
	"response_time_sum_ms" bigint DEFAULT 0 NOT NULL,
	"response_time_count" integer DEFAULT 0 NOT NULL,
	"ended_conversations" integer DEFAULT 0 NOT NULL,
	"duration_sum_s" double precision DEFAULT 0 NOT NULL,
	"escalated_conversations" integer DEFAULT 0 NOT NULL,
	"goal_conversations" integer DEFAULT 0 NOT NULL,
	"positive_conversations" integer DEFAULT 0 NOT NULL,
	"neutral_conversations" integer DEFAULT 0 NOT NULL,
	"negative_conversations" integer DEFAULT 0 NOT NULL,
	"sentiment_score_sum" double precision DEFAULT 0 NOT NULL,
	"feedback_positive" integer DEFAULT 0 NOT NULL,
	"feedback_negative" integer DEFAULT 0 NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_daily_workspace_id_day_avatar_id_pk" PRIMARY KEY("workspace_id","day","avatar_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_dimensions_daily" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"day" date NOT NULL,
	"avatar_id" text NOT NULL,
	"value" text NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_dimensions_daily_workspace_id_dimension_day_avatar_id_value_pk" PRIMARY KEY("workspace_id","dimension","day","avatar_id","value")
);
--> statement-breakpoint
CREATE TABLE "rollup_sources" (
	"workspace_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"avatar_id" text NOT NULL,
	"source" text NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	"positive_conversations" integer DEFAULT 0 NOT NULL,
	"neutral_conversations" integer DEFAULT 0 NOT NULL,
	"negative_conversations" integer DEFAULT 0 NOT NULL,
	"sentiment_score_sum" double precision DEFAULT 0 NOT NULL,
	"feedback_neutral" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_sources_workspace_id_bucket_avatar_id_source_pk" PRIMARY KEY("workspace_id","bucket","avatar_id","source")
);
--> statement-breakpoint
CREATE TABLE "rollup_sources_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"avatar_id" text NOT NULL,
	"source" text NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	"positive_conversations" integer DEFAULT 0 NOT NULL,
	"neutral_conversations" integer DEFAULT 0 NOT NULL,
	"negative_conversations" integer DEFAULT 0 NOT NULL,
	"sentiment_score_sum" double precision DEFAULT 0 NOT NULL,
	"feedback_neutral" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_sources_daily_workspace_id_day_avatar_id_source_pk" PRIMARY KEY("workspace_id","day","avatar_id","source")
);
--> statement-breakpoint
CREATE TABLE "rollup_tools_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"avatar_id" text NOT NULL,
	"tool_name" text NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"duration_sum_ms" bigint DEFAULT 0 NOT NULL,
	"duration_count" integer DEFAULT 0 NOT NULL,
	"escalations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_tools_daily_workspace_id_day_avatar_id_tool_name_pk" PRIMARY KEY("workspace_id","day","avatar_id","tool_name")
);
--> statement-breakpoint
ALTER TABLE "rollup_customer_hours" ADD CONSTRAINT "rollup_customer_hours_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_customer_returns" ADD CONSTRAINT "rollup_customer_returns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_daily" ADD CONSTRAINT "rollup_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_dimensions_daily" ADD CONSTRAINT "rollup_dimensions_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_sources" ADD CONSTRAINT "rollup_sources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_sources_daily" ADD CONSTRAINT "rollup_sources_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_tools_daily" ADD CONSTRAINT "rollup_tools_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_negative_idx" ON "conversations" USING btree ("workspace_id","sentiment_score","started_at" DESC NULLS LAST) WHERE sentiment_label = 'negative';