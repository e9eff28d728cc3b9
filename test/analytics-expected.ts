/**
 * The answers for test/analytics-dataset.ts, worked out by hand (the reasoning is in the comments), shared
 * by the lib/analytics tests and the /v1 endpoint tests.
 */
import { BAD, GOOD } from './analytics-dataset';

const zeroBucket = (date: string) => ({
  date, conversations: 0, uniqueInteractions: 0, messages: 0, userMessages: 0, assistantMessages: 0, tokenUsage: 0, avgResponseTime: null, avgDuration: null,
});

/**
 * period=7d at NOW = local days Wed Oct 30 … Tue Nov 5 = [Oct 30 04:00Z, Nov 6 05:00Z).
 * Conversations started: c1 c2 c3 c4 c5 c8 (c7 started at 03:59Z, a minute before). Messages: c1 4, c2 4,
 * c3 3, c5 4 and c7's reply at 04:00:30Z = 16 (7 user). Response times 2, 4, 5, 10, 1, 10 (c5) and
 * 90 s (c7) = 122 s over 7. Durations: c1 2700 s, c2 4200 s. Tokens 180 + 400 + 25 + 20.
 */
export const OVERVIEW_7D = {
  conversations: 6,
  uniqueInteractions: 5,
  messages: 16,
  userMessages: 7,
  assistantMessages: 9,
  avgDuration: 3450,
  avgResponseTime: 122_000 / 7,
  tokenUsage: 625,
  completionRate: 1 / 6,
  escalationRate: 1 / 6,
  uniqueUsers: 3,
  feedback: { positive: 1, negative: 0, neutral: 1, ratingCount: 1, meanRating: 3 },
  topAvatars: [
    { id: 'avt_sales', name: 'Sales Bot', conversations: 4 },
    { id: 'avt_support', name: 'Support Bot', conversations: 2 },
  ],
};

/** The 7 local days before: Oct 23 … Oct 29. c6 and c7 (2 users: u4, u1); c6 escalated on end. */
export const OVERVIEW_PREVIOUS_7D = {
  conversations: 2,
  uniqueInteractions: 2,
  messages: 3,
  userMessages: 2,
  assistantMessages: 1,
  avgDuration: 600,
  avgResponseTime: 3000,
  tokenUsage: 40,
  completionRate: 0,
  escalationRate: 0.5,
  uniqueUsers: 2,
  feedback: { positive: 0, negative: 0, neutral: 0, ratingCount: 0, meanRating: null },
  topAvatars: [{ id: 'avt_support', name: 'Support Bot', conversations: 2 }],
};

/** avt_support over 7d: c1, c2, plus c7's reply (a message in range of a conversation started before). */
export const SUPPORT_7D = {
  conversations: 2,
  uniqueInteractions: 2,
  messages: 9,
  userMessages: 4,
  assistantMessages: 5,
  avgDuration: 3450,
  avgResponseTime: 111_000 / 5,
  tokenUsage: 600,
  completionRate: 0.5,
  escalationRate: 0.5,
  uniqueUsers: 1,
  feedback: { positive: 1, negative: 0, neutral: 1, ratingCount: 1, meanRating: 3 },
  topAvatars: [{ id: 'avt_support', name: 'Support Bot', conversations: 2 }],
};

/** Local days of the 7d range; Nov 3 midnight is still EDT, the clocks went back at 02:00. */
export const DAYS_7D = [
  zeroBucket('2024-10-30T00:00:00-04:00'),
  zeroBucket('2024-10-31T00:00:00-04:00'),
  zeroBucket('2024-11-01T00:00:00-04:00'),
  zeroBucket('2024-11-02T00:00:00-04:00'),
  zeroBucket('2024-11-03T00:00:00-04:00'),
  zeroBucket('2024-11-04T00:00:00-05:00'),
  zeroBucket('2024-11-05T00:00:00-05:00'),
];
// Oct 30: c7's reply at 00:00:30. Nov 1: c1 starts 23:30 (its duration counts here) with 2 messages.
// Nov 2: c1's 00:10 exchange. Nov 3: c2. Nov 4: c3 and c5 (moved to 23:50 by the late "good").
// Nov 5: c4 (initialize only) and c8, and c5's three messages at 00:31.
Object.assign(DAYS_7D[0], { messages: 1, assistantMessages: 1, tokenUsage: 20, avgResponseTime: 90_000 });
Object.assign(DAYS_7D[2], { conversations: 1, uniqueInteractions: 1, messages: 2, userMessages: 1, assistantMessages: 1, tokenUsage: 120, avgResponseTime: 2000, avgDuration: 2700 });
Object.assign(DAYS_7D[3], { messages: 2, userMessages: 1, assistantMessages: 1, tokenUsage: 60, avgResponseTime: 4000 });
Object.assign(DAYS_7D[4], { conversations: 1, uniqueInteractions: 1, messages: 4, userMessages: 2, assistantMessages: 2, tokenUsage: 400, avgResponseTime: 7500, avgDuration: 4200 });
Object.assign(DAYS_7D[5], { conversations: 2, uniqueInteractions: 2, messages: 4, userMessages: 2, assistantMessages: 2, tokenUsage: 25, avgResponseTime: 1000 });
Object.assign(DAYS_7D[6], { conversations: 2, uniqueInteractions: 1, messages: 3, userMessages: 1, assistantMessages: 2, avgResponseTime: 10_000 });

/** groupBy=week: the weeks of Monday Oct 28 (Oct 30 – Nov 3) and Monday Nov 4 (Nov 4 – 5). */
export const WEEKS_7D = [
  { ...zeroBucket('2024-10-28T00:00:00-04:00'), conversations: 2, uniqueInteractions: 2, messages: 9, userMessages: 4, assistantMessages: 5, tokenUsage: 600, avgResponseTime: 111_000 / 5, avgDuration: 3450 },
  { ...zeroBucket('2024-11-04T00:00:00-05:00'), conversations: 4, uniqueInteractions: 3, messages: 7, userMessages: 3, assistantMessages: 4, tokenUsage: 25, avgResponseTime: 5500 },
];

/** groupBy=month: October (Oct 30 – 31: c7's reply) and November. */
export const MONTHS_7D = [
  { ...zeroBucket('2024-10-01T00:00:00-04:00'), messages: 1, assistantMessages: 1, tokenUsage: 20, avgResponseTime: 90_000 },
  { ...zeroBucket('2024-11-01T00:00:00-04:00'), conversations: 6, uniqueInteractions: 5, messages: 15, userMessages: 7, assistantMessages: 8, tokenUsage: 605, avgResponseTime: 32_000 / 6, avgDuration: 3450 },
];

/** Sunday Nov 3 has 25 hours: 01:00 EDT (05:00Z) holds c2's start, 01:00 EST (06:00Z) its second exchange. */
export function hoursOfNov3() {
  const labels = ['00:00:00-04:00', '01:00:00-04:00', '01:00:00-05:00'];
  for (let h = 2; h < 24; h++) labels.push(`${String(h).padStart(2, '0')}:00:00-05:00`);
  const buckets = labels.map((l) => zeroBucket(`2024-11-03T${l}`));
  Object.assign(buckets[1], { conversations: 1, uniqueInteractions: 1, messages: 2, userMessages: 1, assistantMessages: 1, tokenUsage: 240, avgResponseTime: 5000, avgDuration: 4200 });
  Object.assign(buckets[2], { messages: 2, userMessages: 1, assistantMessages: 1, tokenUsage: 160, avgResponseTime: 10_000 });
  return buckets;
}

/** Messages by local weekday (0 = Monday) and hour over 7d; every other cell is 0. */
export const PEAK_CELLS_7D: Record<string, number> = { '2|0': 1, '4|23': 2, '5|0': 2, '6|1': 4, '0|9': 3, '0|23': 1, '1|0': 3 };

const share = (n: number, total: number) => n / total;
export const BREAKDOWNS_7D = {
  device: [
    { value: 'desktop', label: 'Desktop', conversations: 2, share: share(2, 6) },
    { value: 'mobile', label: 'Mobile', conversations: 2, share: share(2, 6) },
    { value: 'tablet', label: 'Tablet', conversations: 1, share: share(1, 6) },
    { value: 'unknown', label: 'Unknown', conversations: 1, share: share(1, 6) },
  ],
  source: [
    { value: 'web', label: 'web', conversations: 3, share: 0.5 },
    { value: 'unknown', label: 'Unknown', conversations: 2, share: share(2, 6) },
    { value: 'whatsapp', label: 'whatsapp', conversations: 1, share: share(1, 6) },
  ],
  language: [
    { value: 'en', label: 'English', conversations: 3, share: 0.5 },
    { value: 'de', label: 'German', conversations: 1, share: share(1, 6) },
    { value: 'es', label: 'Spanish', conversations: 1, share: share(1, 6) },
    { value: 'unknown', label: 'Unknown', conversations: 1, share: share(1, 6) },
  ],
  country: [
    { value: 'unknown', label: 'Unknown', conversations: 4, share: share(4, 6) },
    { value: 'DE', label: 'Germany', conversations: 1, share: share(1, 6) },
    { value: 'US', label: 'United States', conversations: 1, share: share(1, 6) },
  ],
  avatar: [
    { value: 'avt_sales', label: 'Sales Bot', conversations: 4, share: share(4, 6) },
    { value: 'avt_support', label: 'Support Bot', conversations: 2, share: share(2, 6) },
  ],
};

export const TOOLS_7D = [
  { name: 'search_kb', calls: 2, avgDurationMs: 400, escalations: 0 },
  { name: 'fallback_to_human', calls: 1, avgDurationMs: null, escalations: 1 },
];

const sentiment = (positive: number, neutral: number, negative: number, scoreSum: number) => {
  const scored = positive + neutral + negative;
  return {
    positive,
    neutral,
    negative,
    meanScore: scored ? scoreSum / scored : null,
    share: scored ? { positive: positive / scored, neutral: neutral / scored, negative: negative / scored } : { positive: 0, neutral: 0, negative: 0 },
  };
};

/** c1 and c5 score GOOD / 2 (positive), c2 BAD (negative), c3 0 (neutral); c4 and c8 have no user message. */
export const SENTIMENT_7D = {
  ...sentiment(2, 1, 1, GOOD + BAD),
  groupBy: 'day',
  timezone: 'America/New_York',
  series: DAYS_7D.map((d, i) => ({
    date: d.date,
    ...[sentiment(0, 0, 0, 0), sentiment(0, 0, 0, 0), sentiment(1, 0, 0, GOOD / 2), sentiment(0, 0, 0, 0), sentiment(0, 0, 1, BAD), sentiment(1, 1, 0, GOOD / 2), sentiment(0, 0, 0, 0)][i],
  })),
  byAvatar: [
    { id: 'avt_sales', name: 'Sales Bot', ...sentiment(1, 1, 0, GOOD / 2) },
    { id: 'avt_support', name: 'Support Bot', ...sentiment(1, 0, 1, GOOD / 2 + BAD) },
  ],
  bySource: [
    { source: 'web', ...sentiment(1, 0, 0, GOOD / 2) },
    { source: 'unknown', ...sentiment(1, 1, 0, GOOD / 2) },
    { source: 'whatsapp', ...sentiment(0, 0, 1, BAD) },
  ],
  mostNegative: [{ id: 'c2', avatarId: 'avt_support', startedAt: '2024-11-03T05:30:00.000Z', score: BAD, firstUserMessage: 'bad' }],
};
