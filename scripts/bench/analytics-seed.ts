/**
 * Set-based seeding for the analytics benchmark: conversations, messages and actions are generated with
 * generate_series in a few INSERT … SELECT statements, then every rollup is built from those raw rows in
 * SQL — the same facts ingestion would have written, without running ingestion row by row.
 */
import type { ReservedSql } from 'postgres';

export type SeedSize = { conversations: number; messages: number; days: number; avatars: number };

const DEVICES = `ARRAY['desktop','mobile','tablet',NULL]::device_type[]`;
const SOURCES = `ARRAY['web','whatsapp','viber','messenger',NULL]`;
const LANGUAGES = `ARRAY['en','es','de','fr','pt','it','nl','ja',NULL]`;
const COUNTRIES = `ARRAY['US','GB','DE','FR','ES','BR','IN','CA','MX','IT','NL','AU','JP','PL','SE','AR','CO','TR','ZA','NG','KR','IE','PT','BE','CH','AT','DK','NO','FI',NULL]`;
/** Picks an element of `array` with a Zipf-like skew from the uniform random number `r`. */
const skewed = (array: string, r: string, power = 2) => `(${array})[1 + floor(pow(${r}, ${power}) * cardinality(${array}))::int]`;
// Conversations per UTC hour follow a day curve (busy afternoons and evenings in the Americas).
const HOUR_WEIGHTS = [4, 3, 2, 2, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 9, 9, 9, 8, 8, 7, 6, 5];
const CUMULATIVE = HOUR_WEIGHTS.map((_, i) => HOUR_WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0) / HOUR_WEIGHTS.reduce((a, b) => a + b, 0));

/**
 * One row per conversation with everything later statements derive from. Messages are spread so that
 * their total is exactly `messages`: conversation k (numbered among the interacted ones) gets
 * T(k) − T(k−1) messages, T a jittered straight line from 0 to `messages` (2 to 18 messages each).
 */
async function stageConversations(c: ReservedSql, size: SeedSize, end: Date) {
  const interacted = size.conversations - Math.floor(size.conversations / 25);
  await c.unsafe(`DROP TABLE IF EXISTS bench_conv`);
  await c.unsafe(
    `CREATE TEMP TABLE bench_conv AS
     WITH g AS (
       SELECT k, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6,
         random() AS r7, random() AS r8, random() AS r9, random() AS r10, random() AS r11, random() AS r12, random() AS r13,
         k % 25 <> 0 AS interacted,
         k - k / 25 AS rank
       FROM generate_series(1, $1::int) k
     )
     SELECT k, 'c' || k AS id, interacted,
       'avt_' || lpad((1 + floor(pow(r1, 1.6) * $2))::text, 2, '0') AS avatar_id,
       $3::timestamptz - make_interval(days => 1 + floor(r2 * $4)::int)
         + make_interval(hours => width_bucket(r3, $5::float8[]), secs => floor(r4 * 3600)) AS started_at,
       CASE WHEN interacted THEN
         round($6::float8 * rank / $7 + 8 * (sin(rank) - rank::float8 / $7 * sin($7::float8)))
         - round($6::float8 * (rank - 1) / $7 + 8 * (sin(rank - 1) - (rank - 1)::float8 / $7 * sin($7::float8)))
       ELSE 0 END::int AS n_msgs,
       CASE WHEN r5 < 0.8 THEN 'cus_' || (1 + floor(pow(r6, 1.3) * $8))::int END AS customer_id,
       ${skewed(DEVICES, 'r7', 1.4)} AS device,
       ${skewed(SOURCES, 'r8', 1.8)} AS source,
       ${skewed(LANGUAGES, 'r9', 2)} AS language,
       ${skewed(COUNTRIES, 'r10', 2.5)} AS country,
       CASE WHEN r11 < 0.45 THEN 'positive' WHEN r11 < 0.8 THEN 'neutral' ELSE 'negative' END AS mood,
       r12 < 0.35 AS goal_reached,
       r13 AS r_feedback
     FROM g`,
    [
      size.conversations,
      size.avatars,
      end,
      size.days,
      CUMULATIVE.slice(0, -1),
      size.messages,
      interacted,
      Math.max(10, Math.floor(size.conversations / 4)),
    ],
  );
  await c.unsafe(`CREATE INDEX ON bench_conv (id)`);
  await c.unsafe(`ANALYZE bench_conv`);
}

/**
 * The opening user message names an order (`ORD-` and the conversation number, so a search can find one
 * conversation in a million) and a topic (`chargeback` in about 1% of conversations); the transcript
 * benchmark searches for both.
 */
const TOPICS = `ARRAY['refund','delivery','password reset','invoice','plan upgrade','cancellation','shipping address','warranty']`;
const OPENING = `'About order ORD-' || lpad(c.k::text, 7, '0') || ' ('
  || CASE WHEN c.k % 97 = 0 THEN 'chargeback' ELSE (${TOPICS})[1 + c.k % 8] END || '): '`;

/** User messages at one-minute steps, each assistant reply 0.8–4.8 s after its user message. */
const MESSAGE_SELECT = `
  SELECT $1::uuid AS workspace_id, c.id AS conversation_id, 'm' || m AS id,
    (CASE WHEN m % 2 = 1 THEN 'user' ELSE 'assistant' END)::message_role AS role,
    CASE WHEN m = 1 THEN ${OPENING} ELSE '' END ||
    CASE WHEN m % 2 = 0 THEN 'Here is what I found about your question.'
      WHEN c.mood = 'positive' THEN 'Thanks, that is great and really helpful!'
      WHEN c.mood = 'negative' THEN 'This is useless, I am very disappointed.'
      ELSE 'I have a question about my order.' END AS content,
    c.started_at + make_interval(secs => ((m - 1) / 2) * 60)
      + CASE WHEN m % 2 = 0 THEN make_interval(secs => (800 + (c.k * 31 + m * 17) % 4000) / 1000.0) ELSE interval '0' END AS created_at,
    CASE WHEN m % 2 = 0 THEN 100 + (c.k * 13 + m * 7) % 400 ELSE 0 END AS prompt_tokens,
    CASE WHEN m % 2 = 0 THEN 30 + (c.k * 17 + m * 11) % 200 ELSE 0 END AS completion_tokens,
    CASE WHEN m % 2 = 0 THEN 800 + (c.k * 31 + m * 17) % 4000 END AS response_time_ms,
    CASE WHEN m % 2 = 1 THEN (CASE c.mood WHEN 'positive' THEN 0.45 WHEN 'negative' THEN -0.5 ELSE 0 END)
      + ((c.k * 7 + m * 13) % 7 - 3) * 0.01 END AS sentiment_score
  FROM bench_conv c, generate_series(1, c.n_msgs) m`;

const label = (score: string) => `CASE WHEN ${score} >= 0.05 THEN 'positive' WHEN ${score} <= -0.05 THEN 'negative' ELSE 'neutral' END::sentiment_label`;

async function insertRawRows(c: ReservedSql, ws: string) {
  await c.unsafe(
    `INSERT INTO messages (workspace_id, conversation_id, id, role, content, created_at, prompt_tokens, completion_tokens,
       response_time_ms, sentiment_score, sentiment_label, received_at)
     SELECT workspace_id, conversation_id, id, role, content, created_at, prompt_tokens, completion_tokens, response_time_ms,
       sentiment_score, ${label('sentiment_score')}, created_at
     FROM (${MESSAGE_SELECT}) x`,
    [ws],
  );
  // Every 3rd conversation searches the knowledge base, every 7th looks up an order, every 20th escalates.
  await c.unsafe(
    `INSERT INTO actions (workspace_id, conversation_id, id, name, started_at, duration_ms, status, is_escalation, received_at)
     SELECT $1::uuid, c.id, 'a' || t.n, t.name, c.started_at + interval '30 seconds', t.ms, 'ok', t.esc, c.started_at
     FROM bench_conv c
     CROSS JOIN LATERAL (VALUES (1, 'search_kb', 100 + c.k % 500, false, c.k % 3 = 0), (2, 'lookup_order', 200 + c.k % 900, false, c.k % 7 = 0),
       (3, 'fallback_to_human', 50 + c.k % 100, true, c.k % 20 = 0)) AS t(n, name, ms, esc, present)
     WHERE c.interacted AND t.present`,
    [ws],
  );
  // In started_at order, as live ingestion writes them (range scans then touch few heap pages).
  await c.unsafe(
    `INSERT INTO conversations (workspace_id, id, avatar_id, customer_id, country, device, source, language, feedback,
       feedback_rating, status, end_reason, initialized_at, interacted, started_at, started_at_explicit, ended_at, last_activity_at,
       message_count, user_message_count, assistant_message_count, prompt_tokens, completion_tokens, action_count, escalated,
       escalated_at, goal_reached, sentiment_sum, sentiment_count, sentiment_score, sentiment_label, first_user_message)
     SELECT $1::uuid, c.id, c.avatar_id, c.customer_id, c.country, c.device, c.source, c.language,
       CASE WHEN NOT c.interacted OR c.r_feedback >= 0.12 THEN NULL WHEN c.r_feedback < 0.06 THEN 'positive'
         WHEN c.r_feedback < 0.09 THEN 'negative' ELSE 'neutral' END,
       CASE WHEN NOT c.interacted OR c.r_feedback >= 0.12 THEN NULL WHEN c.r_feedback < 0.06 THEN 5 WHEN c.r_feedback < 0.09 THEN 1 ELSE 3 END,
       'ended', CASE WHEN c.interacted THEN 'client' ELSE 'inactivity' END,
       CASE WHEN c.interacted THEN NULL ELSE c.started_at END, c.interacted, c.started_at, true,
       coalesce(m.last_at + interval '20 seconds', c.started_at), coalesce(m.last_at, c.started_at),
       coalesce(m.n, 0), coalesce(m.users, 0), coalesce(m.assistants, 0), coalesce(m.pt, 0), coalesce(m.ct, 0),
       (c.k % 3 = 0)::int + (c.k % 7 = 0)::int + (c.k % 20 = 0)::int, c.interacted AND c.k % 20 = 0,
       CASE WHEN c.interacted AND c.k % 20 = 0 THEN c.started_at + interval '30 seconds' END,
       c.interacted AND c.goal_reached, coalesce(m.ssum, 0), coalesce(m.users, 0),
       m.ssum / nullif(m.users, 0), ${label('m.ssum / nullif(m.users, 0)')} , m.first_user
     FROM bench_conv c
     LEFT JOIN (
       SELECT conversation_id, count(*)::int AS n, count(*) FILTER (WHERE role = 'user')::int AS users,
         count(*) FILTER (WHERE role = 'assistant')::int AS assistants, sum(prompt_tokens) AS pt, sum(completion_tokens) AS ct,
         max(created_at) AS last_at, sum(sentiment_score) AS ssum, min(content) FILTER (WHERE id = 'm1') AS first_user
       FROM (${MESSAGE_SELECT}) x GROUP BY conversation_id
     ) m ON m.conversation_id = c.id
     ORDER BY c.started_at`,
    [ws],
  );
}

export async function seedRawData(c: ReservedSql, ws: string, size: SeedSize, end: Date) {
  await stageConversations(c, size, end);
  await insertRawRows(c, ws);
  await c.unsafe(`DROP TABLE bench_conv`);
}
