/** The names of DESIGN §8's rule fields and their units: no server imports, so client components can use them. */
export const ALERT_METRICS = [
  'conversations',
  'messages',
  'unique_users',
  'token_usage',
  'avg_duration',
  'avg_response_time',
  'escalation_rate',
  'completion_rate',
  'negative_sentiment_rate',
  'negative_feedback_rate',
  'goal_completion_rate',
  'funnel_conversion',
] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

export const ALERT_WINDOWS = ['1h', '24h', '7d'] as const;
export type AlertWindow = (typeof ALERT_WINDOWS)[number];
export const WINDOW_HOURS: Record<AlertWindow, number> = { '1h': 1, '24h': 24, '7d': 168 };

export const ALERT_OPS = ['above', 'below'] as const;
export const ALERT_COMPARES = ['value', 'change'] as const;
export const NO_DATA_MODES = ['ok', 'keep', 'alert'] as const;
export type NoDataMode = (typeof NO_DATA_MODES)[number];

/** Rates are fractions 0..1; durations seconds; response times ms (DESIGN §3). */
export const METRIC_UNITS: Record<AlertMetric, 'count' | 'rate' | 'seconds' | 'ms'> = {
  conversations: 'count',
  messages: 'count',
  unique_users: 'count',
  token_usage: 'count',
  avg_duration: 'seconds',
  avg_response_time: 'ms',
  escalation_rate: 'rate',
  completion_rate: 'rate',
  negative_sentiment_rate: 'rate',
  negative_feedback_rate: 'rate',
  goal_completion_rate: 'rate',
  funnel_conversion: 'rate',
};

export const METRIC_LABELS: Record<AlertMetric, string> = {
  conversations: 'Conversations',
  messages: 'Messages',
  unique_users: 'Unique users',
  token_usage: 'Token usage',
  avg_duration: 'Average duration',
  avg_response_time: 'Average response time',
  escalation_rate: 'Escalation rate',
  completion_rate: 'Completion rate',
  negative_sentiment_rate: 'Negative sentiment rate',
  negative_feedback_rate: 'Negative feedback rate',
  goal_completion_rate: 'Goal completion rate',
  funnel_conversion: 'Funnel conversion',
};
