/**
 * The counters of rollup_hourly / rollup_daily (db/schema/rollups.ts hourlyCounters), with their SQL types, for the
 * raw SQL that writes and reads them: ingestion adds deltas, erasure subtracts, analytics sums.
 * db/rollup-columns.test.ts checks this list against the schema.
 */
export const HOURLY_COUNTER_TYPES = {
  conversations: 'int',
  interacted_conversations: 'int',
  messages: 'int',
  user_messages: 'int',
  assistant_messages: 'int',
  system_messages: 'int',
  prompt_tokens: 'bigint',
  completion_tokens: 'bigint',
  response_time_sum_ms: 'bigint',
  response_time_count: 'int',
  ended_conversations: 'int',
  duration_sum_s: 'float8',
  escalated_conversations: 'int',
  goal_conversations: 'int',
  positive_conversations: 'int',
  neutral_conversations: 'int',
  negative_conversations: 'int',
  sentiment_score_sum: 'float8',
  feedback_positive: 'int',
  feedback_negative: 'int',
  rating_sum: 'int',
  rating_count: 'int',
} as const;

export type HourlyColumn = keyof typeof HOURLY_COUNTER_TYPES;
export const HOURLY_COLUMNS = Object.keys(HOURLY_COUNTER_TYPES) as HourlyColumn[];

/** The counters analytics read: all but system_messages, which no metric uses. */
export type FactColumn = Exclude<HourlyColumn, 'system_messages'>;
export const FACT_COLUMNS = HOURLY_COLUMNS.filter((c): c is FactColumn => c !== 'system_messages');

/** `c = r.c + EXCLUDED.c` for every counter: an upsert into the rollup aliased `r` adds its deltas. */
export const HOURLY_ADD_ON_CONFLICT = HOURLY_COLUMNS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ');
