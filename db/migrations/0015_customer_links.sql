CREATE TABLE "rollup_customer_day_links" (
	"workspace_id" uuid NOT NULL,
	"avatar_id" text NOT NULL,
	"prev_day" date NOT NULL,
	"day" date NOT NULL,
	"prev_hour" timestamp with time zone NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_customer_day_links_workspace_id_avatar_id_prev_day_day_prev_hour_pk" PRIMARY KEY("workspace_id","avatar_id","prev_day","day","prev_hour")
);
--> statement-breakpoint
CREATE TABLE "rollup_customer_hour_gaps" (
	"workspace_id" uuid NOT NULL,
	"avatar_id" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"prev_days" smallint NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_customer_hour_gaps_workspace_id_avatar_id_hour_prev_days_pk" PRIMARY KEY("workspace_id","avatar_id","hour","prev_days")
);
--> statement-breakpoint
CREATE TABLE "rollup_customer_hour_links" (
	"workspace_id" uuid NOT NULL,
	"avatar_id" text NOT NULL,
	"prev_day" date NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"prev_hour" timestamp with time zone NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_customer_hour_links_workspace_id_avatar_id_prev_day_hour_prev_hour_pk" PRIMARY KEY("workspace_id","avatar_id","prev_day","hour","prev_hour")
);
--> statement-breakpoint
ALTER TABLE "rollup_customer_day_links" ADD CONSTRAINT "rollup_customer_day_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_customer_hour_gaps" ADD CONSTRAINT "rollup_customer_hour_gaps_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_customer_hour_links" ADD CONSTRAINT "rollup_customer_hour_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The cells of rollup_customer_hour_gaps, rollup_customer_hour_links and rollup_customer_day_links for the
-- +1 rows minus those of the -1 rows of analytics_customer_rows (see db/schema/analytics-rollups.ts).
CREATE FUNCTION analytics_apply_customer_links(tx bigint, ws uuid, customer_ws uuid[], customer_ids text[]) RETURNS void LANGUAGE sql AS $fn$
  WITH h AS MATERIALIZED (
    SELECT sign, workspace_id, scope, hour, (hour AT TIME ZONE timezone)::date AS day, prev_hour,
      (prev_hour AT TIME ZONE timezone)::date AS prev_day
    FROM (
      SELECT sign, workspace_id, scope, timezone, hour,
        lag(hour) OVER (PARTITION BY sign, workspace_id, customer_id, scope ORDER BY hour) AS prev_hour
      FROM (
        SELECT DISTINCT sign, workspace_id, customer_id, scope, timezone, date_trunc('hour', started_at, 'UTC') AS hour
        FROM analytics_customer_rows(tx, ws, customer_ws, customer_ids)
      ) d
    ) l
  ), gaps AS (
    INSERT INTO rollup_customer_hour_gaps AS r (workspace_id, avatar_id, hour, prev_days, customers)
    SELECT workspace_id, scope, hour, least(coalesce(day - prev_day, 1000), 1000), sum(sign) FROM h
    GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (workspace_id, avatar_id, hour, prev_days) DO UPDATE SET customers = r.customers + EXCLUDED.customers
    RETURNING 1
  ), hour_links AS (
    INSERT INTO rollup_customer_hour_links AS r (workspace_id, avatar_id, prev_day, hour, prev_hour, customers)
    SELECT workspace_id, scope, prev_day, hour, prev_hour, sum(sign) FROM h WHERE prev_hour IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (workspace_id, avatar_id, prev_day, hour, prev_hour) DO UPDATE SET customers = r.customers + EXCLUDED.customers
    RETURNING 1
  )
  INSERT INTO rollup_customer_day_links AS r (workspace_id, avatar_id, prev_day, day, prev_hour, customers)
  SELECT workspace_id, scope, prev_day, day, prev_hour, sum(sign) FROM h WHERE prev_day < day
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (workspace_id, avatar_id, prev_day, day, prev_hour) DO UPDATE SET customers = r.customers + EXCLUDED.customers
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_apply_customer_deltas(tx bigint, ws uuid, customer_ws uuid[], customer_ids text[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO rollup_customer_returns AS r (workspace_id, avatar_id, day, gap_days, customers)
  SELECT workspace_id, scope, day, gap, sum(sign) FROM (
    SELECT sign, workspace_id, scope, day,
      least(coalesce(day - lag(day) OVER (PARTITION BY sign, workspace_id, customer_id, scope ORDER BY day), 1000), 1000) AS gap
    FROM (
      SELECT DISTINCT sign, workspace_id, customer_id, scope, (date_trunc('hour', started_at, 'UTC') AT TIME ZONE timezone)::date AS day
      FROM analytics_customer_rows(tx, ws, customer_ws, customer_ids)
    ) d
  ) cells
  GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (workspace_id, avatar_id, day, gap_days) DO UPDATE SET customers = r.customers + EXCLUDED.customers;
  INSERT INTO rollup_customer_hours AS r (workspace_id, avatar_id, hour, gap_hours, customers)
  SELECT workspace_id, scope, hour, gap, sum(sign) FROM (
    SELECT sign, workspace_id, scope, hour,
      least(coalesce(extract(epoch FROM hour - lag(hour) OVER (PARTITION BY sign, workspace_id, customer_id, scope ORDER BY hour))::int / 3600, 49), 49) AS gap
    FROM (
      SELECT DISTINCT sign, workspace_id, customer_id, scope, date_trunc('hour', started_at, 'UTC') AS hour
      FROM analytics_customer_rows(tx, ws, customer_ws, customer_ids) WHERE scope = ''
    ) h
  ) cells
  GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (workspace_id, avatar_id, hour, gap_hours) DO UPDATE SET customers = r.customers + EXCLUDED.customers;
  PERFORM analytics_apply_customer_links(tx, ws, customer_ws, customer_ids);
END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_rebuild(ws uuid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  tz text;
BEGIN
  PERFORM pg_advisory_xact_lock(1129270849, hashtext(ws::text));
  SELECT timezone INTO tz FROM workspaces WHERE id = ws;
  IF tz IS NULL THEN RETURN; END IF;
  DELETE FROM rollup_daily WHERE workspace_id = ws;
  INSERT INTO rollup_daily (workspace_id, day, avatar_id, conversations, interacted_conversations, messages, user_messages,
    assistant_messages, system_messages, prompt_tokens, completion_tokens, response_time_sum_ms, response_time_count,
    ended_conversations, duration_sum_s, escalated_conversations, goal_conversations, positive_conversations,
    neutral_conversations, negative_conversations, sentiment_score_sum, feedback_positive, feedback_negative, rating_sum, rating_count)
  SELECT ws, (bucket AT TIME ZONE tz)::date, avatar_id, sum(conversations), sum(interacted_conversations), sum(messages),
    sum(user_messages), sum(assistant_messages), sum(system_messages), sum(prompt_tokens), sum(completion_tokens),
    sum(response_time_sum_ms), sum(response_time_count), sum(ended_conversations), sum(duration_sum_s),
    sum(escalated_conversations), sum(goal_conversations), sum(positive_conversations), sum(neutral_conversations),
    sum(negative_conversations), sum(sentiment_score_sum), sum(feedback_positive), sum(feedback_negative), sum(rating_sum),
    sum(rating_count)
  FROM rollup_hourly WHERE workspace_id = ws GROUP BY 2, 3;
  DELETE FROM rollup_dimensions_daily WHERE workspace_id = ws;
  INSERT INTO rollup_dimensions_daily (workspace_id, dimension, day, avatar_id, value, conversations)
  SELECT ws, dimension, (bucket AT TIME ZONE tz)::date, s.scope, value, sum(conversations)
  FROM rollup_dimensions h CROSS JOIN LATERAL (VALUES (h.avatar_id), ('')) AS s(scope) WHERE workspace_id = ws GROUP BY 2, 3, 4, 5;
  DELETE FROM rollup_tools_daily WHERE workspace_id = ws;
  INSERT INTO rollup_tools_daily (workspace_id, day, avatar_id, tool_name, calls, duration_sum_ms, duration_count, escalations)
  SELECT ws, (bucket AT TIME ZONE tz)::date, s.scope, tool_name, sum(calls), sum(duration_sum_ms), sum(duration_count), sum(escalations)
  FROM rollup_tools h CROSS JOIN LATERAL (VALUES (h.avatar_id), ('')) AS s(scope) WHERE workspace_id = ws GROUP BY 2, 3, 4;
  DELETE FROM rollup_sources WHERE workspace_id = ws;
  DELETE FROM rollup_sources_daily WHERE workspace_id = ws;
  PERFORM analytics_apply_source_deltas(NULL, ws);
  DELETE FROM rollup_customer_returns WHERE workspace_id = ws;
  DELETE FROM rollup_customer_hours WHERE workspace_id = ws;
  DELETE FROM rollup_customer_hour_gaps WHERE workspace_id = ws;
  DELETE FROM rollup_customer_hour_links WHERE workspace_id = ws;
  DELETE FROM rollup_customer_day_links WHERE workspace_id = ws;
  PERFORM analytics_apply_customer_deltas(NULL, ws, NULL, NULL);
END
$fn$;
--> statement-breakpoint
-- Existing data: the new tables from every workspace's conversations.
SELECT analytics_apply_customer_links(NULL, id, NULL, NULL) FROM workspaces;
--> statement-breakpoint
-- Funnels: the range scan of conversations and the lookups of steps by name (or goal) read only their
-- indexes (the columns a funnel needs are INCLUDEd), instead of the tables' rows.
DROP INDEX IF EXISTS "conversations_started_idx";--> statement-breakpoint
CREATE INDEX "conversations_started_idx" ON "conversations" USING btree ("workspace_id","started_at") INCLUDE ("id","user_message_count");--> statement-breakpoint
DROP INDEX IF EXISTS "conversations_avatar_started_idx";--> statement-breakpoint
CREATE INDEX "conversations_avatar_started_idx" ON "conversations" USING btree ("workspace_id","avatar_id","started_at") INCLUDE ("id","user_message_count");--> statement-breakpoint
DROP INDEX IF EXISTS "actions_name_idx";--> statement-breakpoint
CREATE INDEX "actions_name_idx" ON "actions" USING btree ("workspace_id","name","started_at") INCLUDE ("conversation_id");--> statement-breakpoint
DROP INDEX IF EXISTS "events_name_idx";--> statement-breakpoint
CREATE INDEX "events_name_idx" ON "events" USING btree ("workspace_id","name","timestamp") INCLUDE ("conversation_id");--> statement-breakpoint
DROP INDEX IF EXISTS "goal_completions_time_idx";--> statement-breakpoint
CREATE INDEX "goal_completions_time_idx" ON "goal_completions" USING btree ("workspace_id","goal_id","completed_at") INCLUDE ("conversation_id");
--> statement-breakpoint
-- Escalations (the Overview's Escalations section): the escalated conversations of a range and each one's
-- first escalation action are found in small partial indexes instead of scanning the conversations.
CREATE INDEX IF NOT EXISTS "conversations_escalated_idx" ON "conversations" USING btree ("workspace_id","started_at") INCLUDE ("id","avatar_id","escalated_at") WHERE escalated;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "actions_escalation_idx" ON "actions" USING btree ("workspace_id","conversation_id","started_at","id") INCLUDE ("name") WHERE is_escalation;
