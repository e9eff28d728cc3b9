/**
 * The figures of one workspace's weekly digest, each with the week before for its change: the Overview's
 * KPIs and sentiment (DESIGN §3, from the same rollups), each goal's completion rate, the top escalation
 * reasons, the week's alert firings and three transcripts worth opening.
 */
import {
  alertFiringsOfWeek,
  notableConversations,
  type AlertFiringRow,
  type DigestWorkspace,
  type NotableConversationRow,
} from '@/db/queries/digest';
import { getEscalationReasons } from '@/lib/analytics/escalations';
import { getOverviewWithComparison } from '@/lib/analytics/overview';
import { planRange } from '@/lib/analytics/plan';
import { previousRange } from '@/lib/analytics/range';
import { getSentiment } from '@/lib/analytics/sentiment';
import { getGoalsAnalytics } from '@/lib/goals/analytics';
import type { DigestWeek } from './week';

export const TOP_ESCALATION_REASONS = 5;

export type KpiKey = 'conversations' | 'messages' | 'completionRate' | 'escalationRate' | 'avgResponseTime' | 'sentiment';
export type Kpi = { key: KpiKey; current: number | null; previous: number | null };
export type GoalFigure = { id: string; name: string; completionRate: number | null; previous: number | null; completions: number; conversations: number };
export type NotableKind = 'most_negative' | 'escalated' | 'longest';
export type NotableTranscript = {
  kind: NotableKind;
  id: string;
  avatarName: string;
  startedAt: Date;
  sentimentScore: number | null;
  durationSeconds: number | null;
  firstUserMessage: string | null;
};

export type Digest = {
  workspace: DigestWorkspace;
  week: DigestWeek;
  kpis: Kpi[];
  goals: GoalFigure[];
  escalationReasons: { reason: string; conversations: number }[];
  alertFirings: AlertFiringRow[];
  transcripts: NotableTranscript[];
};

const notable = (kind: NotableKind, row: NotableConversationRow | null): NotableTranscript[] =>
  row
    ? [{ kind, id: row.id, avatarName: row.avatar_name, startedAt: row.started_at, sentimentScore: row.sentiment_score, durationSeconds: row.duration_s, firstUserMessage: row.first_user_message }]
    : [];

export async function buildDigest(workspace: DigestWorkspace, week: DigestWeek): Promise<Digest> {
  const range = week.range;
  const before = previousRange(range);
  const plan = planRange(range);
  const span = { hourStart: plan.hourStart, hourEnd: plan.hourEnd };
  const [overview, sentiment, sentimentBefore, goals, goalsBefore, reasons, firings, picks] = await Promise.all([
    getOverviewWithComparison(workspace.id, { range }),
    getSentiment(workspace.id, { range }, { groupBy: 'week', limit: 1 }),
    getSentiment(workspace.id, { range: before }, { groupBy: 'week', limit: 1 }),
    getGoalsAnalytics(workspace.id, { range }, { groupBy: 'week', limit: 1 }),
    getGoalsAnalytics(workspace.id, { range: before }, { groupBy: 'week', limit: 1 }),
    getEscalationReasons(workspace.id, { range, avatarId: null }),
    alertFiringsOfWeek(workspace.id, span),
    notableConversations(workspace.id, span),
  ]);
  const { current, previous } = overview;
  const previousGoal = new Map(goalsBefore.goals.map((g) => [g.id, g.completionRate]));
  return {
    workspace,
    week,
    kpis: [
      { key: 'conversations', current: current.conversations, previous: previous.conversations },
      { key: 'messages', current: current.messages, previous: previous.messages },
      { key: 'completionRate', current: current.completionRate, previous: previous.completionRate },
      { key: 'escalationRate', current: current.escalationRate, previous: previous.escalationRate },
      { key: 'avgResponseTime', current: current.avgResponseTime, previous: previous.avgResponseTime },
      { key: 'sentiment', current: sentiment.meanScore, previous: sentimentBefore.meanScore },
    ],
    goals: goals.goals.map((g) => ({
      id: g.id,
      name: g.name,
      completionRate: g.completionRate,
      previous: previousGoal.get(g.id) ?? null,
      completions: g.completions,
      conversations: g.conversations,
    })),
    escalationReasons: reasons.slice(0, TOP_ESCALATION_REASONS).map(({ reason, conversations }) => ({ reason, conversations })),
    alertFirings: firings,
    transcripts: [...notable('most_negative', picks.negative), ...notable('escalated', picks.escalated), ...notable('longest', picks.longest)],
  };
}
