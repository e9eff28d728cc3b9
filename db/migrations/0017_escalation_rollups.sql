CREATE TABLE "escalation_pending" (
	"txid" bigint NOT NULL,
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	CONSTRAINT "escalation_pending_txid_workspace_id_conversation_id_pk" PRIMARY KEY("txid","workspace_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "escalation_reasons" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"avatar_id" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "escalation_reasons_workspace_id_conversation_id_pk" PRIMARY KEY("workspace_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "rollup_escalations" (
	"workspace_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"avatar_id" text NOT NULL,
	"reason" text NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_escalations_workspace_id_bucket_avatar_id_reason_pk" PRIMARY KEY("workspace_id","bucket","avatar_id","reason")
);
--> statement-breakpoint
CREATE TABLE "rollup_escalations_daily" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"avatar_id" text NOT NULL,
	"reason" text NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_escalations_daily_workspace_id_day_avatar_id_reason_pk" PRIMARY KEY("workspace_id","day","avatar_id","reason")
);
--> statement-breakpoint
CREATE TABLE "rollup_dimensions_all" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"value" text NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_dimensions_all_workspace_id_dimension_bucket_value_pk" PRIMARY KEY("workspace_id","dimension","bucket","value")
);
--> statement-breakpoint
CREATE TABLE "rollup_sources_all" (
	"workspace_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"conversations" integer DEFAULT 0 NOT NULL,
	"positive_conversations" integer DEFAULT 0 NOT NULL,
	"neutral_conversations" integer DEFAULT 0 NOT NULL,
	"negative_conversations" integer DEFAULT 0 NOT NULL,
	"sentiment_score_sum" double precision DEFAULT 0 NOT NULL,
	"feedback_neutral" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rollup_sources_all_workspace_id_bucket_source_pk" PRIMARY KEY("workspace_id","bucket","source")
);
--> statement-breakpoint
ALTER TABLE "escalation_reasons" ADD CONSTRAINT "escalation_reasons_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_escalations" ADD CONSTRAINT "rollup_escalations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_escalations_daily" ADD CONSTRAINT "rollup_escalations_daily_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_dimensions_all" ADD CONSTRAINT "rollup_dimensions_all_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollup_sources_all" ADD CONSTRAINT "rollup_sources_all_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Escalations by reason (db/schema/escalation-rollups.ts): the commit-time flush recounts the conversations the
-- transaction changed (analytics_pending: now also when `escalated` flips) or whose escalation actions it
-- changed (escalation_pending), against what escalation_reasons says they were counted as, and adds the
-- difference to rollup_escalations and its daily tier, in key order.
ALTER TABLE "escalation_pending" SET UNLOGGED;
--> statement-breakpoint
-- The reason of an escalated conversation (DESIGN §3): its first escalation action's name, else end_call.
-- The one place of the rule: readers take the reason from escalation_reasons (db/queries/analytics-escalations.ts).
CREATE FUNCTION analytics_escalation_reason(ws uuid, conversation text) RETURNS text LANGUAGE sql STABLE AS $fn$
  SELECT coalesce((
    SELECT a.name FROM actions a
    WHERE a.workspace_id = ws AND a.conversation_id = conversation AND a.is_escalation
    ORDER BY a.started_at, a.id LIMIT 1
  ), 'end_call')
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_capture_conversations() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  tx bigint := txid_current();
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_pending (txid, workspace_id, conversation_id, present)
    SELECT tx, n.workspace_id, n.id, false FROM new_rows n ORDER BY 2, 3 ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO analytics_pending (txid, workspace_id, conversation_id, present, avatar_id, customer_id, source, started_at,
      sentiment_sum, sentiment_count, sentiment_label, feedback)
    SELECT tx, o.workspace_id, o.id, true, o.avatar_id, o.customer_id, o.source, o.started_at, o.sentiment_sum,
      o.sentiment_count, o.sentiment_label, o.feedback
    FROM old_rows o JOIN new_rows n ON n.workspace_id = o.workspace_id AND n.id = o.id
    WHERE (o.avatar_id, o.customer_id, o.source, o.started_at, o.sentiment_sum, o.sentiment_count, o.sentiment_label, o.feedback, o.escalated)
      IS DISTINCT FROM (n.avatar_id, n.customer_id, n.source, n.started_at, n.sentiment_sum, n.sentiment_count, n.sentiment_label, n.feedback, n.escalated)
    ORDER BY 2, 3 ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO analytics_pending (txid, workspace_id, conversation_id, present, avatar_id, customer_id, source, started_at,
      sentiment_sum, sentiment_count, sentiment_label, feedback)
    SELECT tx, o.workspace_id, o.id, true, o.avatar_id, o.customer_id, o.source, o.started_at, o.sentiment_sum,
      o.sentiment_count, o.sentiment_label, o.feedback
    FROM old_rows o ORDER BY 2, 3 ON CONFLICT DO NOTHING;
  END IF;
  IF FOUND AND current_setting('confab.analytics_flush', true) IS DISTINCT FROM tx::text THEN
    INSERT INTO analytics_flush (txid) VALUES (tx) ON CONFLICT DO NOTHING;
    PERFORM set_config('confab.analytics_flush', tx::text, true);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- Escalation actions written or removed: their conversations are recounted at commit.
CREATE FUNCTION analytics_capture_escalation_actions() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  tx bigint := txid_current();
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO escalation_pending (txid, workspace_id, conversation_id)
    SELECT DISTINCT tx, n.workspace_id, n.conversation_id FROM new_rows n WHERE n.is_escalation ORDER BY 2, 3 ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO escalation_pending (txid, workspace_id, conversation_id)
    SELECT DISTINCT tx, x.workspace_id, x.conversation_id
    FROM (SELECT workspace_id, conversation_id FROM new_rows WHERE is_escalation UNION ALL SELECT workspace_id, conversation_id FROM old_rows WHERE is_escalation) x
    ORDER BY 2, 3 ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO escalation_pending (txid, workspace_id, conversation_id)
    SELECT DISTINCT tx, o.workspace_id, o.conversation_id FROM old_rows o WHERE o.is_escalation ORDER BY 2, 3 ON CONFLICT DO NOTHING;
  END IF;
  IF FOUND AND current_setting('confab.analytics_flush', true) IS DISTINCT FROM tx::text THEN
    INSERT INTO analytics_flush (txid) VALUES (tx) ON CONFLICT DO NOTHING;
    PERFORM set_config('confab.analytics_flush', tx::text, true);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER actions_escalations_insert AFTER INSERT ON actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_capture_escalation_actions();
--> statement-breakpoint
CREATE TRIGGER actions_escalations_update AFTER UPDATE ON actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_capture_escalation_actions();
--> statement-breakpoint
CREATE TRIGGER actions_escalations_delete AFTER DELETE ON actions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_capture_escalation_actions();
--> statement-breakpoint
CREATE TYPE analytics_escalation_change AS (
  sign int, workspace_id uuid, conversation_id text, avatar_id text, bucket timestamptz, reason text
);
--> statement-breakpoint
-- The rollup rows of a set of changes: +1 for what a conversation counts as now, -1 for what it counted as.
CREATE FUNCTION analytics_add_escalation_changes(changes analytics_escalation_change[]) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO rollup_escalations AS r (workspace_id, bucket, avatar_id, reason, conversations)
  SELECT d.workspace_id, d.bucket, d.avatar_id, d.reason, sum(d.sign) FROM unnest(changes) d
  GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (workspace_id, bucket, avatar_id, reason) DO UPDATE SET conversations = r.conversations + EXCLUDED.conversations;
  INSERT INTO rollup_escalations_daily AS r (workspace_id, day, avatar_id, reason, conversations)
  SELECT d.workspace_id, (d.bucket AT TIME ZONE w.timezone)::date, s.scope, d.reason, sum(d.sign)
  FROM unnest(changes) d JOIN workspaces w ON w.id = d.workspace_id
  CROSS JOIN LATERAL (VALUES (d.avatar_id), ('')) AS s(scope)
  GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (workspace_id, day, avatar_id, reason) DO UPDATE SET conversations = r.conversations + EXCLUDED.conversations;
$fn$;
--> statement-breakpoint
-- The flush's part: recount the transaction's conversations (those of existing workspaces).
CREATE FUNCTION analytics_apply_escalation_deltas(tx bigint) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  changes analytics_escalation_change[];
BEGIN
  WITH t AS (
    SELECT DISTINCT x.workspace_id, x.conversation_id FROM (
      SELECT p.workspace_id, p.conversation_id FROM analytics_pending p WHERE p.txid = tx
      UNION ALL
      SELECT e.workspace_id, e.conversation_id FROM escalation_pending e WHERE e.txid = tx
    ) x WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = x.workspace_id)
  ), now AS (
    SELECT c.workspace_id, c.id AS conversation_id, c.avatar_id, date_trunc('hour', c.started_at, 'UTC') AS bucket,
      analytics_escalation_reason(c.workspace_id, c.id) AS reason
    FROM t JOIN conversations c ON c.workspace_id = t.workspace_id AND c.id = t.conversation_id
    WHERE c.escalated
  ), was AS (
    SELECT r.workspace_id, r.conversation_id, r.avatar_id, r.bucket, r.reason
    FROM t JOIN escalation_reasons r ON r.workspace_id = t.workspace_id AND r.conversation_id = t.conversation_id
  )
  SELECT array_agg(ROW(x.sign, x.workspace_id, x.conversation_id, x.avatar_id, x.bucket, x.reason)::analytics_escalation_change)
  INTO changes
  FROM (
    (SELECT 1 AS sign, * FROM now EXCEPT ALL SELECT 1, * FROM was)
    UNION ALL
    (SELECT -1, * FROM was EXCEPT ALL SELECT -1, * FROM now)
  ) x;
  IF changes IS NULL THEN RETURN; END IF;
  DELETE FROM escalation_reasons r USING unnest(changes) d
  WHERE d.sign = -1 AND r.workspace_id = d.workspace_id AND r.conversation_id = d.conversation_id
    AND NOT EXISTS (SELECT 1 FROM unnest(changes) n WHERE n.sign = 1 AND n.workspace_id = d.workspace_id AND n.conversation_id = d.conversation_id);
  INSERT INTO escalation_reasons AS r (workspace_id, conversation_id, avatar_id, bucket, reason)
  SELECT d.workspace_id, d.conversation_id, d.avatar_id, d.bucket, d.reason FROM unnest(changes) d WHERE d.sign = 1 ORDER BY 1, 2
  ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET avatar_id = EXCLUDED.avatar_id, bucket = EXCLUDED.bucket, reason = EXCLUDED.reason;
  PERFORM analytics_add_escalation_changes(changes);
END
$fn$;
--> statement-breakpoint
-- One workspace from scratch (analytics_rebuild, and the back-fill below).
CREATE FUNCTION analytics_rebuild_escalations(ws uuid) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM escalation_reasons WHERE workspace_id = ws;
  DELETE FROM rollup_escalations WHERE workspace_id = ws;
  DELETE FROM rollup_escalations_daily WHERE workspace_id = ws;
  INSERT INTO escalation_reasons (workspace_id, conversation_id, avatar_id, bucket, reason)
  SELECT c.workspace_id, c.id, c.avatar_id, date_trunc('hour', c.started_at, 'UTC'), analytics_escalation_reason(c.workspace_id, c.id)
  FROM conversations c WHERE c.workspace_id = ws AND c.escalated;
  PERFORM analytics_add_escalation_changes(ARRAY(
    SELECT ROW(1, r.workspace_id, r.conversation_id, r.avatar_id, r.bucket, r.reason)::analytics_escalation_change
    FROM escalation_reasons r WHERE r.workspace_id = ws));
END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_flush_pending() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  tx bigint := NEW.txid;
  customer_ws uuid[];
  customer_ids text[];
BEGIN
  DELETE FROM analytics_flush WHERE txid = tx;
  PERFORM analytics_lock_workspaces_shared(ARRAY(
    SELECT workspace_id FROM analytics_pending WHERE txid = tx UNION SELECT workspace_id FROM escalation_pending WHERE txid = tx));
  -- Customers whose set of (avatar, UTC hour started) changed: their chains are recomputed under a lock.
  WITH p AS (
    SELECT p.* FROM analytics_pending p WHERE p.txid = tx
  ), keyed AS (
    SELECT p.workspace_id, p.customer_id AS before_customer, c.customer_id AS after_customer
    FROM p JOIN workspaces w ON w.id = p.workspace_id
    LEFT JOIN conversations c ON c.workspace_id = p.workspace_id AND c.id = p.conversation_id
    WHERE (CASE WHEN p.present THEN (p.customer_id, p.avatar_id, date_trunc('hour', p.started_at, 'UTC')) END)
      IS DISTINCT FROM
      (CASE WHEN c.id IS NOT NULL THEN (c.customer_id, c.avatar_id, date_trunc('hour', c.started_at, 'UTC')) END)
  ), customers AS (
    SELECT DISTINCT workspace_id, customer_id, hashtext(workspace_id::text || '|' || customer_id) AS k
    FROM (SELECT workspace_id, before_customer AS customer_id FROM keyed UNION ALL SELECT workspace_id, after_customer FROM keyed) x
    WHERE customer_id IS NOT NULL
  )
  SELECT array_agg(workspace_id ORDER BY k, workspace_id, customer_id), array_agg(customer_id ORDER BY k, workspace_id, customer_id)
  INTO customer_ws, customer_ids FROM customers;
  IF customer_ws IS NOT NULL THEN
    PERFORM count(pg_advisory_xact_lock(1129270850, hashtext(w::text || '|' || c))) FROM unnest(customer_ws, customer_ids) AS x(w, c);
  END IF;
  PERFORM analytics_apply_source_deltas(tx, NULL);
  PERFORM analytics_apply_escalation_deltas(tx);
  IF customer_ws IS NOT NULL THEN
    PERFORM analytics_apply_customer_deltas(tx, NULL, customer_ws, customer_ids);
  END IF;
  DELETE FROM analytics_pending WHERE txid = tx;
  DELETE FROM escalation_pending WHERE txid = tx;
  RETURN NULL;
END
$fn$;

--> statement-breakpoint
-- rollup_dimensions_all follows rollup_dimensions: each statement's net change summed over avatars, in key order.
CREATE FUNCTION analytics_roll_up_dimensions_all() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO rollup_dimensions_all AS t (workspace_id, dimension, bucket, value, conversations)
    SELECT workspace_id, dimension, bucket, value, sum(conversations) FROM new_rows
    GROUP BY 1, 2, 3, 4 HAVING sum(conversations) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (workspace_id, dimension, bucket, value) DO UPDATE SET conversations = t.conversations + EXCLUDED.conversations;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO rollup_dimensions_all AS t (workspace_id, dimension, bucket, value, conversations)
    SELECT workspace_id, dimension, bucket, value, sum(conversations)
    FROM (SELECT workspace_id, dimension, bucket, value, conversations FROM new_rows
          UNION ALL SELECT workspace_id, dimension, bucket, value, -conversations FROM old_rows) d
    GROUP BY 1, 2, 3, 4 HAVING sum(conversations) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (workspace_id, dimension, bucket, value) DO UPDATE SET conversations = t.conversations + EXCLUDED.conversations;
  ELSE
    INSERT INTO rollup_dimensions_all AS t (workspace_id, dimension, bucket, value, conversations)
    SELECT workspace_id, dimension, bucket, value, -sum(conversations) FROM old_rows
    -- A workspace being deleted takes its rows with it (the cascade): nothing to subtract from.
    WHERE EXISTS (SELECT 1 FROM workspaces w WHERE w.id = old_rows.workspace_id)
    GROUP BY 1, 2, 3, 4 HAVING sum(conversations) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (workspace_id, dimension, bucket, value) DO UPDATE SET conversations = t.conversations + EXCLUDED.conversations;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER rollup_dimensions_all_insert AFTER INSERT ON rollup_dimensions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_dimensions_all();
--> statement-breakpoint
CREATE TRIGGER rollup_dimensions_all_update AFTER UPDATE ON rollup_dimensions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_dimensions_all();
--> statement-breakpoint
CREATE TRIGGER rollup_dimensions_all_delete AFTER DELETE ON rollup_dimensions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_dimensions_all();
--> statement-breakpoint
-- The source facts as before (0003), plus their sums over avatars per hour in rollup_sources_all.
CREATE OR REPLACE FUNCTION analytics_apply_source_deltas(tx bigint, ws uuid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  deltas analytics_source_delta[] := ARRAY(SELECT d FROM analytics_source_deltas(tx, ws) d);
BEGIN
  INSERT INTO rollup_sources AS r (workspace_id, bucket, avatar_id, source, conversations, positive_conversations,
    neutral_conversations, negative_conversations, sentiment_score_sum, feedback_neutral)
  SELECT d.* FROM unnest(deltas) d
  WHERE d.conversations <> 0 OR d.positive <> 0 OR d.neutral <> 0 OR d.negative <> 0 OR d.score_sum <> 0 OR d.feedback_neutral <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (workspace_id, bucket, avatar_id, source) DO UPDATE SET conversations = r.conversations + EXCLUDED.conversations,
    positive_conversations = r.positive_conversations + EXCLUDED.positive_conversations,
    neutral_conversations = r.neutral_conversations + EXCLUDED.neutral_conversations,
    negative_conversations = r.negative_conversations + EXCLUDED.negative_conversations,
    sentiment_score_sum = r.sentiment_score_sum + EXCLUDED.sentiment_score_sum, feedback_neutral = r.feedback_neutral + EXCLUDED.feedback_neutral;
  INSERT INTO rollup_sources_all AS r (workspace_id, bucket, source, conversations, positive_conversations,
    neutral_conversations, negative_conversations, sentiment_score_sum, feedback_neutral)
  SELECT d.workspace_id, d.bucket, d.source, sum(d.conversations), sum(d.positive), sum(d.neutral), sum(d.negative),
    sum(d.score_sum), sum(d.feedback_neutral)
  FROM unnest(deltas) d
  GROUP BY 1, 2, 3
  HAVING sum(d.conversations) <> 0 OR sum(d.positive) <> 0 OR sum(d.neutral) <> 0 OR sum(d.negative) <> 0
    OR sum(d.score_sum) <> 0 OR sum(d.feedback_neutral) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (workspace_id, bucket, source) DO UPDATE SET conversations = r.conversations + EXCLUDED.conversations,
    positive_conversations = r.positive_conversations + EXCLUDED.positive_conversations,
    neutral_conversations = r.neutral_conversations + EXCLUDED.neutral_conversations,
    negative_conversations = r.negative_conversations + EXCLUDED.negative_conversations,
    sentiment_score_sum = r.sentiment_score_sum + EXCLUDED.sentiment_score_sum, feedback_neutral = r.feedback_neutral + EXCLUDED.feedback_neutral;
  INSERT INTO rollup_sources_daily AS r (workspace_id, day, avatar_id, source, conversations, positive_conversations,
    neutral_conversations, negative_conversations, sentiment_score_sum, feedback_neutral)
  SELECT d.workspace_id, (d.bucket AT TIME ZONE w.timezone)::date, s.scope, d.source, sum(d.conversations), sum(d.positive),
    sum(d.neutral), sum(d.negative), sum(d.score_sum), sum(d.feedback_neutral)
  FROM unnest(deltas) d JOIN workspaces w ON w.id = d.workspace_id
  CROSS JOIN LATERAL (VALUES (d.avatar_id), ('')) AS s(scope)
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.conversations) <> 0 OR sum(d.positive) <> 0 OR sum(d.neutral) <> 0 OR sum(d.negative) <> 0
    OR sum(d.score_sum) <> 0 OR sum(d.feedback_neutral) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (workspace_id, day, avatar_id, source) DO UPDATE SET conversations = r.conversations + EXCLUDED.conversations,
    positive_conversations = r.positive_conversations + EXCLUDED.positive_conversations,
    neutral_conversations = r.neutral_conversations + EXCLUDED.neutral_conversations,
    negative_conversations = r.negative_conversations + EXCLUDED.negative_conversations,
    sentiment_score_sum = r.sentiment_score_sum + EXCLUDED.sentiment_score_sum, feedback_neutral = r.feedback_neutral + EXCLUDED.feedback_neutral;
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
  -- Rows go in in key order, so that a range of days reads few pages.
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
  FROM rollup_hourly WHERE workspace_id = ws GROUP BY 2, 3 ORDER BY 2, 3;
  DELETE FROM rollup_dimensions_daily WHERE workspace_id = ws;
  INSERT INTO rollup_dimensions_daily (workspace_id, dimension, day, avatar_id, value, conversations)
  SELECT ws, dimension, (bucket AT TIME ZONE tz)::date, s.scope, value, sum(conversations)
  FROM rollup_dimensions h CROSS JOIN LATERAL (VALUES (h.avatar_id), ('')) AS s(scope) WHERE workspace_id = ws
  GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5;
  DELETE FROM rollup_dimensions_all WHERE workspace_id = ws;
  INSERT INTO rollup_dimensions_all (workspace_id, dimension, bucket, value, conversations)
  SELECT ws, dimension, bucket, value, sum(conversations) FROM rollup_dimensions WHERE workspace_id = ws
  GROUP BY 2, 3, 4 ORDER BY 2, 3, 4;
  DELETE FROM rollup_tools_daily WHERE workspace_id = ws;
  INSERT INTO rollup_tools_daily (workspace_id, day, avatar_id, tool_name, calls, duration_sum_ms, duration_count, escalations)
  SELECT ws, (bucket AT TIME ZONE tz)::date, s.scope, tool_name, sum(calls), sum(duration_sum_ms), sum(duration_count), sum(escalations)
  FROM rollup_tools h CROSS JOIN LATERAL (VALUES (h.avatar_id), ('')) AS s(scope) WHERE workspace_id = ws
  GROUP BY 2, 3, 4 ORDER BY 2, 3, 4;
  DELETE FROM rollup_sources WHERE workspace_id = ws;
  DELETE FROM rollup_sources_all WHERE workspace_id = ws;
  DELETE FROM rollup_sources_daily WHERE workspace_id = ws;
  PERFORM analytics_apply_source_deltas(NULL, ws);
  DELETE FROM rollup_customer_returns WHERE workspace_id = ws;
  DELETE FROM rollup_customer_hours WHERE workspace_id = ws;
  DELETE FROM rollup_customer_hour_gaps WHERE workspace_id = ws;
  DELETE FROM rollup_customer_hour_links WHERE workspace_id = ws;
  DELETE FROM rollup_customer_day_links WHERE workspace_id = ws;
  PERFORM analytics_apply_customer_deltas(NULL, ws, NULL, NULL);
  PERFORM analytics_rebuild_escalations(ws);
END
$fn$;
--> statement-breakpoint
-- Existing data: every workspace's escalated conversations, and the hourly sums over avatars.
SELECT analytics_rebuild_escalations(id) FROM workspaces;
--> statement-breakpoint
INSERT INTO rollup_dimensions_all (workspace_id, dimension, bucket, value, conversations)
SELECT workspace_id, dimension, bucket, value, sum(conversations) FROM rollup_dimensions GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO rollup_sources_all (workspace_id, bucket, source, conversations, positive_conversations, neutral_conversations,
  negative_conversations, sentiment_score_sum, feedback_neutral)
SELECT workspace_id, bucket, source, sum(conversations), sum(positive_conversations), sum(neutral_conversations),
  sum(negative_conversations), sum(sentiment_score_sum), sum(feedback_neutral)
FROM rollup_sources GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
--> statement-breakpoint
-- The latest escalations of a range (the Overview's "Latest", the endpoint's lastMessages and its phrase
-- sample) are read newest first from these indexes, from the range's first hour up and stopping at the limit,
-- instead of sorting all of the range's; the third holds the rare conversations escalated before they
-- started (an action timed before the first message), which that bound would miss.
CREATE INDEX IF NOT EXISTS "conversations_escalated_latest_idx" ON "conversations" USING btree ("workspace_id", (coalesce("escalated_at", "started_at")) DESC, "id") INCLUDE ("started_at", "avatar_id") WHERE escalated;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "conversations_avatar_escalated_latest_idx" ON "conversations" USING btree ("workspace_id", "avatar_id", (coalesce("escalated_at", "started_at")) DESC, "id") INCLUDE ("started_at") WHERE escalated;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "conversations_escalated_early_idx" ON "conversations" USING btree ("workspace_id", "started_at") WHERE escalated AND escalated_at < started_at; --> statement-breakpoint
ANALYZE escalation_reasons, rollup_escalations, rollup_escalations_daily, rollup_dimensions_all, rollup_sources_all, conversations;
