-- Analytics rollups kept by triggers (tables in db/schema.ts, section "analytics rollups").
--  * rollup_daily / rollup_dimensions_daily / rollup_tools_daily follow rollup_hourly / rollup_dimensions /
--    rollup_tools through statement-level triggers: each statement's net change, summed per local day of
--    the workspace timezone (the day in which the UTC hour starts): per avatar, and (except rollup_daily)
--    for all avatars together (avatar_id ''), so that a workspace-wide read costs one row per day and value.
--  * rollup_sources(_daily) and rollup_customer_returns need conversation-level facts: statement triggers on
--    conversations record each changed conversation's state before the transaction in analytics_pending,
--    and a deferred trigger folds the transaction's net change in at commit, so the hot rollup rows are
--    locked only for the commit (like ingest's own rollup writes), in key order.
--  * Advisory locks: class 1129270849 per workspace (shared by writers, exclusive by analytics_rebuild),
--    class 1129270850 per (workspace, customer), so the customer chains stay exact under concurrency.
--    The flush re-reads after locking, which assumes READ COMMITTED (the default).
ALTER TABLE "analytics_pending" SET UNLOGGED;
--> statement-breakpoint
ALTER TABLE "analytics_flush" SET UNLOGGED;
--> statement-breakpoint
-- Shared workspace locks, in key order (analytics_rebuild takes the exclusive one).
CREATE FUNCTION analytics_lock_workspaces_shared(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM count(pg_advisory_xact_lock_shared(1129270849, hashtext(w::text))) FROM (SELECT DISTINCT unnest(ids) AS w ORDER BY 1) x;
END
$fn$;
--> statement-breakpoint
-- One statement-level trigger function for the three hourly rollups: the statement's net change (new rows
-- minus old rows) summed per local day, into the daily table named by the trigger's arguments:
-- (target table, key columns besides workspace_id/day/avatar_id, value columns, 'per_avatar' or 'and_all').
-- rollup_daily keeps a row per avatar; the dimension and tool tables also one row for all avatars ('') per
-- value, which keeps workspace-wide reads small when there are many values.
CREATE FUNCTION analytics_roll_up_daily() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  target text := TG_ARGV[0];
  keys text[] := string_to_array(nullif(TG_ARGV[1], ''), ',');
  vals text[] := string_to_array(TG_ARGV[2], ',');
  scopes text := CASE WHEN TG_ARGV[3] = 'per_avatar' THEN '(d.avatar_id)' ELSE '(d.avatar_id), ('''')' END;
  key_list text := coalesce(array_to_string(keys, ', ') || ', ', '');
  src text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
    src := format('SELECT -1 AS sign, * FROM old_rows');
  ELSIF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    src := 'SELECT 1 AS sign, * FROM new_rows';
  ELSE
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    src := 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows';
  END IF;
  EXECUTE format('SELECT analytics_lock_workspaces_shared(ARRAY(SELECT workspace_id FROM (%s) s))', src);
  EXECUTE format(
    'INSERT INTO %1$I AS t (workspace_id, day, %2$savatar_id, %3$s)
     SELECT d.workspace_id, (d.bucket AT TIME ZONE w.timezone)::date, %4$ss.avatar_id, %5$s
     FROM (%6$s) d JOIN workspaces w ON w.id = d.workspace_id
     CROSS JOIN LATERAL (VALUES %7$s) AS s(avatar_id)
     GROUP BY d.workspace_id, 2, %4$ss.avatar_id
     HAVING %8$s
     ORDER BY 1, %9$s
     ON CONFLICT (%10$s) DO UPDATE SET %11$s',
    target, key_list, array_to_string(vals, ', '),
    (SELECT coalesce(string_agg('d.' || k, ', ') || ', ', '') FROM unnest(keys) k),
    (SELECT string_agg(format('sum(d.sign * d.%I)', v), ', ') FROM unnest(vals) v),
    src, scopes,
    (SELECT string_agg(format('sum(d.sign * d.%I) <> 0', v), ' OR ') FROM unnest(vals) v),
    -- Rows are written in primary-key order (see the table definitions) so that writers never deadlock.
    CASE target WHEN 'rollup_dimensions_daily' THEN '3, 2, 5, 4' WHEN 'rollup_tools_daily' THEN '2, 4, 3' ELSE '2, 3' END,
    CASE target WHEN 'rollup_dimensions_daily' THEN 'workspace_id, dimension, day, avatar_id, value'
      WHEN 'rollup_tools_daily' THEN 'workspace_id, day, avatar_id, tool_name' ELSE 'workspace_id, day, avatar_id' END,
    (SELECT string_agg(format('%1$I = t.%1$I + EXCLUDED.%1$I', v), ', ') FROM unnest(vals) v));
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER rollup_hourly_daily_insert AFTER INSERT ON rollup_hourly REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_daily('rollup_daily', '', 'conversations,interacted_conversations,messages,user_messages,assistant_messages,system_messages,prompt_tokens,completion_tokens,response_time_sum_ms,response_time_count,ended_conversations,duration_sum_s,escalated_conversations,goal_conversations,positive_conversations,neutral_conversations,negative_conversations,sentiment_score_sum,feedback_positive,feedback_negative,rating_sum,rating_count', 'per_avatar');
--> statement-breakpoint
CREATE TRIGGER rollup_hourly_daily_update AFTER UPDATE ON rollup_hourly REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_daily('rollup_daily', '', 'conversations,interacted_conversations,messages,user_messages,assistant_messages,system_messages,prompt_tokens,completion_tokens,response_time_sum_ms,response_time_count,ended_conversations,duration_sum_s,escalated_conversations,goal_conversations,positive_conversations,neutral_conversations,negative_conversations,sentiment_score_sum,feedback_positive,feedback_negative,rating_sum,rating_count', 'per_avatar');
--> statement-breakpoint
CREATE TRIGGER rollup_hourly_daily_delete AFTER DELETE ON rollup_hourly REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_daily('rollup_daily', '', 'conversations,interacted_conversations,messages,user_messages,assistant_messages,system_messages,prompt_tokens,completion_tokens,response_time_sum_ms,response_time_count,ended_conversations,duration_sum_s,escalated_conversations,goal_conversations,positive_conversations,neutral_conversations,negative_conversations,sentiment_score_sum,feedback_positive,feedback_negative,rating_sum,rating_count', 'per_avatar');
--> statement-breakpoint
CREATE TRIGGER rollup_dimensions_daily_insert AFTER INSERT ON rollup_dimensions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_daily('rollup_dimensions_daily', 'dimension,value', 'conversations', 'and_all');
--> statement-breakpoint
CREATE TRIGGER rollup_dimensions_daily_update AFTER UPDATE ON rollup_dimensions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_daily('rollup_dimensions_daily', 'dimension,value', 'conversations', 'and_all');
--> statement-breakpoint
CREATE TRIGGER rollup_dimensions_daily_delete AFTER DELETE ON rollup_dimensions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_daily('rollup_dimensions_daily', 'dimension,value', 'conversations', 'and_all');
--> statement-breakpoint
CREATE TRIGGER rollup_tools_daily_insert AFTER INSERT ON rollup_tools REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_daily('rollup_tools_daily', 'tool_name', 'calls,duration_sum_ms,duration_count,escalations', 'and_all');
--> statement-breakpoint
CREATE TRIGGER rollup_tools_daily_update AFTER UPDATE ON rollup_tools REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_daily('rollup_tools_daily', 'tool_name', 'calls,duration_sum_ms,duration_count,escalations', 'and_all');
--> statement-breakpoint
CREATE TRIGGER rollup_tools_daily_delete AFTER DELETE ON rollup_tools REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_roll_up_daily('rollup_tools_daily', 'tool_name', 'calls,duration_sum_ms,duration_count,escalations', 'and_all');
--> statement-breakpoint
-- Records the pre-transaction state of each conversation whose analytics facts change (the first record
-- of a conversation in a transaction wins), and schedules the commit-time flush once per transaction.
CREATE FUNCTION analytics_capture_conversations() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
    WHERE (o.avatar_id, o.customer_id, o.source, o.started_at, o.sentiment_sum, o.sentiment_count, o.sentiment_label, o.feedback)
      IS DISTINCT FROM (n.avatar_id, n.customer_id, n.source, n.started_at, n.sentiment_sum, n.sentiment_count, n.sentiment_label, n.feedback)
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
CREATE TRIGGER conversations_analytics_insert AFTER INSERT ON conversations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_capture_conversations();
--> statement-breakpoint
CREATE TRIGGER conversations_analytics_update AFTER UPDATE ON conversations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_capture_conversations();
--> statement-breakpoint
CREATE TRIGGER conversations_analytics_delete AFTER DELETE ON conversations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_capture_conversations();
--> statement-breakpoint
-- Source facts of conversations: `sign` rows (+1 current state, -1 pre-transaction state) in, sums per
-- (workspace, UTC hour of started_at, avatar, source) out. Shared by the flush and the rebuild.
CREATE TYPE analytics_source_delta AS (
  workspace_id uuid, bucket timestamptz, avatar_id text, source text, conversations bigint, positive bigint, neutral bigint,
  negative bigint, score_sum float8, feedback_neutral bigint
);
--> statement-breakpoint
CREATE FUNCTION analytics_source_deltas(tx bigint, ws uuid) RETURNS SETOF analytics_source_delta LANGUAGE sql STABLE AS $fn$
  WITH p AS (
    SELECT p.* FROM analytics_pending p WHERE tx IS NOT NULL AND p.txid = tx AND EXISTS (SELECT 1 FROM workspaces w WHERE w.id = p.workspace_id)
  ), facts AS (
    SELECT -1 AS sign, p.workspace_id, p.avatar_id, p.source, p.started_at, p.sentiment_sum, p.sentiment_count, p.sentiment_label, p.feedback
    FROM p WHERE p.present
    UNION ALL
    SELECT 1, c.workspace_id, c.avatar_id, c.source, c.started_at, c.sentiment_sum, c.sentiment_count, c.sentiment_label, c.feedback
    FROM p JOIN conversations c ON c.workspace_id = p.workspace_id AND c.id = p.conversation_id
    UNION ALL
    SELECT 1, c.workspace_id, c.avatar_id, c.source, c.started_at, c.sentiment_sum, c.sentiment_count, c.sentiment_label, c.feedback
    FROM conversations c WHERE ws IS NOT NULL AND c.workspace_id = ws
  )
  SELECT f.workspace_id, date_trunc('hour', f.started_at, 'UTC'), f.avatar_id, coalesce(f.source, ''), sum(f.sign),
    coalesce(sum(f.sign) FILTER (WHERE f.sentiment_label = 'positive'), 0), coalesce(sum(f.sign) FILTER (WHERE f.sentiment_label = 'neutral'), 0),
    coalesce(sum(f.sign) FILTER (WHERE f.sentiment_label = 'negative'), 0),
    coalesce(sum(f.sign * f.sentiment_sum / f.sentiment_count) FILTER (WHERE f.sentiment_count > 0), 0),
    coalesce(sum(f.sign) FILTER (WHERE f.feedback = 'neutral'), 0)
  FROM facts f GROUP BY 1, 2, 3, 4
$fn$;
--> statement-breakpoint
-- The conversations of the given customers, as +1 rows (current state) and -1 rows (state before
-- transaction `tx`), or all of workspace `ws` as +1 rows; each once per avatar and once for all avatars ('').
CREATE FUNCTION analytics_customer_rows(tx bigint, ws uuid, customer_ws uuid[], customer_ids text[]) RETURNS TABLE (
  sign int, workspace_id uuid, customer_id text, scope text, started_at timestamptz, timezone text
) LANGUAGE sql STABLE AS $fn$
  WITH affected AS (
    SELECT * FROM unnest(customer_ws, customer_ids) AS a(workspace_id, customer_id)
  ), p AS (
    SELECT p.* FROM analytics_pending p WHERE tx IS NOT NULL AND p.txid = tx
  ), after_rows AS (
    SELECT c.workspace_id, c.id, c.customer_id, c.avatar_id, c.started_at
    FROM affected a JOIN conversations c ON c.workspace_id = a.workspace_id AND c.customer_id = a.customer_id
    UNION ALL
    SELECT c.workspace_id, c.id, c.customer_id, c.avatar_id, c.started_at
    FROM conversations c WHERE ws IS NOT NULL AND c.workspace_id = ws AND c.customer_id IS NOT NULL
  ), before_rows AS (
    SELECT a.* FROM after_rows a
    WHERE NOT EXISTS (SELECT 1 FROM p WHERE p.workspace_id = a.workspace_id AND p.conversation_id = a.id)
    UNION ALL
    SELECT p.workspace_id, p.conversation_id, p.customer_id, p.avatar_id, p.started_at
    FROM p JOIN affected a ON a.workspace_id = p.workspace_id AND a.customer_id = p.customer_id
    WHERE p.present
  )
  SELECT x.sign, x.workspace_id, x.customer_id, s.scope, x.started_at, w.timezone
  FROM (SELECT 1 AS sign, * FROM after_rows UNION ALL SELECT -1, * FROM before_rows WHERE tx IS NOT NULL) x
  JOIN workspaces w ON w.id = x.workspace_id
  CROSS JOIN LATERAL (VALUES (x.avatar_id), ('')) AS s(scope)
$fn$;
--> statement-breakpoint
CREATE FUNCTION analytics_apply_source_deltas(tx bigint, ws uuid) RETURNS void LANGUAGE plpgsql AS $fn$
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
-- Chain cells (see rollup_customer_returns and rollup_customer_hours): the cells of the +1 rows minus those
-- of the -1 rows of analytics_customer_rows, per local day and per UTC hour.
CREATE FUNCTION analytics_apply_customer_deltas(tx bigint, ws uuid, customer_ws uuid[], customer_ids text[]) RETURNS void LANGUAGE plpgsql AS $fn$
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
END
$fn$;
--> statement-breakpoint
-- The commit-time flush of one transaction's pending conversation changes.
CREATE FUNCTION analytics_flush_pending() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  tx bigint := NEW.txid;
  customer_ws uuid[];
  customer_ids text[];
BEGIN
  DELETE FROM analytics_flush WHERE txid = tx;
  PERFORM analytics_lock_workspaces_shared(ARRAY(SELECT workspace_id FROM analytics_pending WHERE txid = tx));
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
  IF customer_ws IS NOT NULL THEN
    PERFORM analytics_apply_customer_deltas(tx, NULL, customer_ws, customer_ids);
  END IF;
  DELETE FROM analytics_pending WHERE txid = tx;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER analytics_flush_at_commit AFTER INSERT ON analytics_flush DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION analytics_flush_pending();
--> statement-breakpoint
-- Recomputes every trigger-kept rollup of one workspace from its hourly rollups and conversations (after a
-- timezone change, or to repair). Waits for, and then excludes, the workspace's in-flight writers.
CREATE FUNCTION analytics_rebuild(ws uuid) RETURNS void LANGUAGE plpgsql AS $fn$
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
  PERFORM analytics_apply_customer_deltas(NULL, ws, NULL, NULL);
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION analytics_timezone_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM analytics_rebuild(NEW.id);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER workspaces_timezone_analytics AFTER UPDATE OF timezone ON workspaces
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION analytics_timezone_changed();
